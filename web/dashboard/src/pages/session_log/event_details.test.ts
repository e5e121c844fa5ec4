import { expect, it } from 'vitest';
import type { SessionLogEntry } from '../../api/types';
import { formatMoney } from '../../format/money';
import { setLang } from '../../i18n/i18n';
import { describeDetails } from './event_details';

const format = {
  money: (amount: number) => formatMoney(amount),
  time: (instant: string) => instant.slice(11, 16),
  packageName: (id: number) => (id === 1 ? '1 Jam PS4' : null),
};

function entry(event: SessionLogEntry['event'], details: Record<string, unknown>): SessionLogEntry {
  return { id: 1, at: '', business_day: '', session_id: 9, station_id: 1, station_code: 'TV01', member_id: null, event, actor: 'kasir1', details };
}

it('says what happened in each event, in Bahasa Indonesia', () => {
  setLang('id');
  expect(describeDetails(entry('started', { package_id: 1, payment: 'cash', amount: 10000 }), format)).toBe('1 Jam PS4 · tunai Rp 10.000');
  expect(describeDetails(entry('started', { package_id: 1, payment: 'balance', amount: 0 }), format)).toBe('1 Jam PS4 · pakai saldo member');
  expect(describeDetails(entry('extended', { minutes: 30, amount: 5000, package_id: 1, payment: 'cash' }), format))
    .toBe('+30 menit · 1 Jam PS4 · tunai Rp 5.000');
  expect(describeDetails(entry('paused', { resumes_at: '2026-11-21T03:10:00.000Z' }), format)).toBe('lanjut otomatis 03:10');
  expect(describeDetails(entry('resumed', { reason: 'pause_limit', paused_ms: 600000 }), format))
    .toBe('otomatis, batas jeda habis (10:00)');
  expect(describeDetails(entry('moved', { from_station: { id: 1, code: 'TV01' }, to_station: { id: 2, code: 'TV02' } }), format))
    .toBe('TV01 → TV02');
  expect(describeDetails(entry('ending_soon', { minutes_left: 5 }), format)).toBe('sisa 5 menit');
  expect(describeDetails(entry('ended', { reason: 'stopped', charge: 12000, amount: 12000, played_ms: 3_909_000 }), format))
    .toBe('dihentikan · main 1:05:09 · tagih Rp 12.000 · total Rp 12.000');
});

it('leaves out what is missing and follows the language', () => {
  setLang('en');
  expect(describeDetails(entry('ended', { reason: 'expired', charge: 0 }), format)).toBe('time up');
  expect(describeDetails(entry('started', { package_id: 5 }), format)).toBe('');
  expect(describeDetails(entry('started', { package_id: 1, payment: 'cash', amount: 0 }), format)).toBe('1 Jam PS4');
  setLang('id');
});
