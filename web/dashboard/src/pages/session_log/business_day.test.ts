import { expect, it } from 'vitest';
import { addDays, businessDayOf } from './business_day';

it('counts the hours before the day start on the day before, in the shop zone', () => {
  // 19:00 UTC on the 21st is 02:00 on the 22nd in Jakarta: still the 21st's business day.
  expect(businessDayOf(new Date('2026-11-21T19:00:00Z'), 'Asia/Jakarta', '06:00')).toBe('2026-11-21');
  // 23:30 UTC is 06:30 in Jakarta: the 22nd has begun.
  expect(businessDayOf(new Date('2026-11-21T23:30:00Z'), 'Asia/Jakarta', '06:00')).toBe('2026-11-22');
  expect(businessDayOf(new Date('2026-11-21T17:30:00Z'), 'Asia/Jakarta', '00:00')).toBe('2026-11-22');
  expect(businessDayOf(new Date('2026-03-01T03:00:00Z'), 'UTC', '06:00')).toBe('2026-02-28');
});

it('moves days across months and years', () => {
  expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
  expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
});
