import { expect, it } from 'vitest';
import type { BusinessDay } from './report_types';
import { hoursAndMinutes, rangeFromQuery, rangeTotals } from './report_range';

const query = (text: string) => new URLSearchParams(text);

it('shows the last week up to today unless the URL says otherwise', () => {
  expect(rangeFromQuery(query(''), '2026-11-21')).toEqual({ from: '2026-11-15', to: '2026-11-21', day: null });
  expect(rangeFromQuery(query('from=2026-11-01&to=2026-11-10&day=2026-11-03'), '2026-11-21'))
    .toEqual({ from: '2026-11-01', to: '2026-11-10', day: '2026-11-03' });
  expect(rangeFromQuery(query('from=2026-11-10&to=2026-11-01&day=bad'), '2026-11-21'))
    .toEqual({ from: '2026-11-01', to: '2026-11-10', day: null });
});

it('adds up the days of the range', () => {
  const day = (sessions: number, minutes: number, revenue: number) =>
    ({ day: '', closed: true, closed_at: null, sessions, minutes, revenue, by_station: [], by_operator: [] }) as BusinessDay;
  expect(rangeTotals([day(3, 150, 30000), day(1, 45, 7500)])).toEqual({ sessions: 4, minutes: 195, revenue: 37500 });
  expect(rangeTotals([])).toEqual({ sessions: 0, minutes: 0, revenue: 0 });
});

it('writes minutes as hours and minutes', () => {
  expect(hoursAndMinutes(125)).toEqual({ h: 2, m: '05' });
  expect(hoursAndMinutes(0)).toEqual({ h: 0, m: '00' });
});
