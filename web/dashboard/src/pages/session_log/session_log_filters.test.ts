import { expect, it } from 'vitest';
import { filtersFromQuery, logQuery } from './session_log_filters';

const today = '2026-11-21';
const filters = (search: string) => filtersFromQuery(new URLSearchParams(search), today);

it('shows today by default, every day on request or for one session', () => {
  expect(filters('')).toEqual({ day: today, station: null, member: null, operator: '', session: null });
  expect(filters('day=all').day).toBeNull();
  expect(filters('session=41')).toMatchObject({ day: null, session: 41 });
  expect(filters('session=41&day=2026-11-20')).toMatchObject({ day: '2026-11-20', session: 41 });
});

it('ignores malformed values instead of sending them', () => {
  expect(filters('day=yesterday&station=abc&member=-3&operator=%20kasir1%20')).toEqual({
    day: today, station: null, member: null, operator: 'kasir1', session: null,
  });
});

it('turns the filters and the page into the API query', () => {
  expect(logQuery(filters('station=2&member=7&operator=kasir1'), null, 50))
    .toBe('?day=2026-11-21&station=2&member=7&operator=kasir1&limit=50');
  expect(logQuery(filters('day=all'), 120, 50)).toBe('?before_id=120&limit=50');
});
