// The business day ("YYYY-MM-DD") an instant belongs to, as the host counts
// it (pricing/business_calendar.cpp): the day starts at `dayStart` ("06:00")
// in the shop's time zone, so 02:00 still belongs to the day before.
export function businessDayOf(instant: Date, timeZone: string, dayStart: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const [startHours, startMinutes] = dayStart.split(':').map(Number);
  const localMinute = part('hour') * 60 + part('minute');
  const calendarDay = Date.UTC(part('year'), part('month') - 1, part('day'));
  const day = localMinute < (startHours || 0) * 60 + (startMinutes || 0) ? calendarDay - 86_400_000 : calendarDay;
  return new Date(day).toISOString().slice(0, 10);
}

// `day` moved by `days` calendar days.
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
