import type { Lang } from '../i18n/i18n';

// Dates and times are shown in the shop's time zone (settings.time_zone),
// whatever the browser's own zone is.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
}

function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

export function formatDateTime(value: string | number | Date, lang: Lang, timeZone: string): string {
  return formatter(lang, timeZone, {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(toDate(value));
}

export function formatTime(value: string | number | Date, lang: Lang, timeZone: string): string {
  return formatter(lang, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(toDate(value));
}

export function formatDate(value: string | number | Date, lang: Lang, timeZone: string): string {
  return formatter(lang, timeZone, { day: 'numeric', month: 'short', year: 'numeric' }).format(toDate(value));
}

// A business day "2026-11-21" as a readable date; it is a calendar date,
// so it is formatted in UTC to stay the same day everywhere.
export function formatDay(day: string, lang: Lang): string {
  return formatter(lang, 'UTC', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

// A countdown or a played time: "1:05:09", "5:09", never negative.
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

// Today's date "YYYY-MM-DD" in a time zone.
export function dateInZone(value: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(value);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
