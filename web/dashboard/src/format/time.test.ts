import { expect, it } from 'vitest';
import { dateInZone, formatDuration, formatTime } from './time';

it('formats countdowns', () => {
  expect(formatDuration(0)).toBe('0:00');
  expect(formatDuration(-5000)).toBe('0:00');
  expect(formatDuration(59_999)).toBe('0:59');
  expect(formatDuration(5 * 60_000 + 9_000)).toBe('5:09');
  expect(formatDuration(3_909_000)).toBe('1:05:09');
});

it('shows times in the shop zone, not the browser zone', () => {
  // 17:30 UTC is 00:30 the next day in Jakarta (UTC+7).
  expect(formatTime('2026-11-21T17:30:00.000Z', 'id', 'Asia/Jakarta')).toMatch(/00[.:]30/);
  expect(dateInZone(new Date('2026-11-21T17:30:00.000Z'), 'Asia/Jakarta')).toBe('2026-11-22');
  expect(dateInZone(new Date('2026-11-21T17:30:00.000Z'), 'UTC')).toBe('2026-11-21');
});
