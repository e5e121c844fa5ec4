import { expect, it } from 'vitest';
import { parseUnitChange, parseUnits } from './unit_input';

it('reads whole units within their range', () => {
  expect(parseUnits('3', 1, 100)).toBe(3);
  expect(parseUnits(' 100 ', 1, 100)).toBe(100);
  expect(parseUnits('0', 1, 100)).toBeNull();
  expect(parseUnits('101', 1, 100)).toBeNull();
  expect(parseUnits('1.5', 1, 100)).toBeNull();
  expect(parseUnits('', 1, 100)).toBeNull();
});

it('reads a signed change that is not zero', () => {
  expect(parseUnitChange('-1')).toBe(-1);
  expect(parseUnitChange('+2')).toBe(2);
  expect(parseUnitChange('0')).toBeNull();
  expect(parseUnitChange('-1001')).toBeNull();
  expect(parseUnitChange('abc')).toBeNull();
});
