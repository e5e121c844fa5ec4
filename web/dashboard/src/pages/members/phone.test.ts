import { expect, it } from 'vitest';
import { normalisePhone } from './phone';

it('stores Indonesian numbers as international digits, like the host', () => {
  expect(normalisePhone('0812-3456 7890')).toBe('6281234567890');
  expect(normalisePhone('+62 812 3456 7890')).toBe('6281234567890');
  expect(normalisePhone('(0812) 3456.7890')).toBe('6281234567890');
  expect(normalisePhone(' 6281234567890 ')).toBe('6281234567890');
});

it('refuses what the host refuses', () => {
  expect(normalisePhone('')).toBeNull();
  expect(normalisePhone('0812')).toBeNull();
  expect(normalisePhone('0812a3456789')).toBeNull();
  expect(normalisePhone('62+81234567890')).toBeNull();
  expect(normalisePhone('1234567890123456')).toBeNull();
});
