import { addDays } from '../session_log/business_day';
import type { BusinessDay } from './report_types';

// The reports' range and chosen day as they live in the URL (?from=&to=
// &day=): a week up to today unless said otherwise; a reversed range is
// put the right way round.
export const DEFAULT_SPAN_DAYS = 7;
const isDay = (text: string | null): text is string => /^\d{4}-\d{2}-\d{2}$/.test(text ?? '');

export function rangeFromQuery(search: URLSearchParams, today: string): { from: string; to: string; day: string | null } {
  const to = isDay(search.get('to')) ? search.get('to')! : today;
  const from = isDay(search.get('from')) ? search.get('from')! : addDays(to, 1 - DEFAULT_SPAN_DAYS);
  const day = search.get('day');
  return { from: from <= to ? from : to, to: from <= to ? to : from, day: isDay(day) ? day : null };
}

export interface RangeTotals {
  sessions: number;
  minutes: number;
  revenue: number;
}

export function rangeTotals(days: BusinessDay[]): RangeTotals {
  return days.reduce(
    (sum, day) => ({ sessions: sum.sessions + day.sessions, minutes: sum.minutes + day.minutes, revenue: sum.revenue + day.revenue }),
    { sessions: 0, minutes: 0, revenue: 0 },
  );
}

// "2 j 05 m" style parts of a number of minutes.
export function hoursAndMinutes(minutes: number): { h: number; m: string } {
  const whole = Math.max(0, Math.round(minutes));
  return { h: Math.floor(whole / 60), m: String(whole % 60).padStart(2, '0') };
}
