import { expect, it } from 'vitest';
import { openPlayChargeAtRate as openPlayCharge } from './tariff';

const quarterHours = { rounding_minutes: 15, minimum_charge: 0 };

it('rounds the played minutes up to whole blocks', () => {
  expect(openPlayCharge(quarterHours, 10_000, 45)).toBe(7_500);
  expect(openPlayCharge(quarterHours, 10_000, 46)).toBe(10_000);
  expect(openPlayCharge(quarterHours, 10_000, 1)).toBe(2_500);
  expect(openPlayCharge({ rounding_minutes: 1, minimum_charge: 0 }, 10_000, 45)).toBe(7_500);
});

it('rounds the money up to whole rupiah', () => {
  // 7 minutes of Rp 7.000 per hour is Rp 816,67.
  expect(openPlayCharge({ rounding_minutes: 1, minimum_charge: 0 }, 7_000, 7)).toBe(817);
});

it('never charges less than the minimum, and nothing for no play without one', () => {
  expect(openPlayCharge({ rounding_minutes: 15, minimum_charge: 5_000 }, 10_000, 15)).toBe(5_000);
  expect(openPlayCharge({ rounding_minutes: 15, minimum_charge: 5_000 }, 10_000, 60)).toBe(10_000);
  expect(openPlayCharge(quarterHours, 10_000, 0)).toBe(0);
});
