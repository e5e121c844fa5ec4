import { expect, it } from 'vitest';
import { defineMessages, interpolate, setLang } from './i18n';

it('fills placeholders and leaves unknown ones visible', () => {
  expect(interpolate('{code}: {minutes} menit lagi', { code: 'TV01', minutes: 5 })).toBe('TV01: 5 menit lagi');
  expect(interpolate('{missing}', {})).toBe('{missing}');
});

it('follows the chosen language', () => {
  const t = defineMessages({ id: { hello: 'Halo {name}' }, en: { hello: 'Hello {name}' } });
  setLang('id');
  expect(t('hello', { name: 'Budi' })).toBe('Halo Budi');
  setLang('en');
  expect(t('hello', { name: 'Budi' })).toBe('Hello Budi');
  setLang('id');
});
