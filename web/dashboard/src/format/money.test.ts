import { expect, it } from 'vitest';
import { formatMoney, parseMoney } from './money';

it('writes rupiah with dot thousands', () => {
  expect(formatMoney(10000)).toBe('Rp 10.000');
  expect(formatMoney(0)).toBe('Rp 0');
  expect(formatMoney(1234567)).toBe('Rp 1.234.567');
  expect(formatMoney(-5000)).toBe('-Rp 5.000');
  expect(formatMoney(999)).toBe('Rp 999');
  expect(formatMoney(2500, { symbol: 'IDR', thousands_separator: ',' })).toBe('IDR 2,500');
});

it('reads what an operator types', () => {
  expect(parseMoney('10.000')).toBe(10000);
  expect(parseMoney('Rp 10.000')).toBe(10000);
  expect(parseMoney('rp5000')).toBe(5000);
  expect(parseMoney('10,000')).toBe(10000);
  expect(parseMoney('-5')).toBeNull();
  expect(parseMoney('abc')).toBeNull();
  expect(parseMoney('')).toBeNull();
});
