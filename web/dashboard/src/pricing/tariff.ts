import type { Package } from '../api/types';

// Price previews, computed as the host computes them (host/src/pricing/
// tariff.cpp), so the amount shown before "Mulai" is the amount the host
// charges. The host stays the authority: its reply wins.

export type Tariff = Pick<Package, 'kind' | 'duration_minutes' | 'price' | 'night_price' | 'night_from' | 'night_until' | 'rounding_minutes' | 'minimum_charge'>;

const MINUTE_MS = 60_000;

// The local minute of the day (0..1439) of an instant in a time zone.
export function localMinuteOfDay(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

function minuteOf(text: string | null): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
}

// Whether `minute` falls in the package's night window (which may wrap midnight).
export function inNightWindow(tariff: Tariff, minute: number): boolean {
  if (tariff.night_price === null || !tariff.night_from || !tariff.night_until) return false;
  const from = minuteOf(tariff.night_from);
  const until = minuteOf(tariff.night_until);
  return from <= until ? minute >= from && minute < until : minute >= from || minute < until;
}

// The price (fixed) or hourly rate (open play) that applies at an instant.
export function rateAt(tariff: Tariff, at: number, timeZone: string): number {
  return inNightWindow(tariff, localMinuteOfDay(at, timeZone)) ? tariff.night_price! : tariff.price;
}

// What open play has cost so far: whole blocks of rounding_minutes, each at
// the rate of the local time it starts, rounded up once, at least the
// minimum charge.
export function openPlayCharge(tariff: Tariff, startedAt: number, playedMs: number, timeZone: string): number {
  const blockMs = Math.max(1, tariff.rounding_minutes) * MINUTE_MS;
  const blocks = playedMs > 0 ? Math.ceil(playedMs / blockMs) : 0;
  let rupiahTimes60 = 0;
  for (let block = 0; block < blocks; block++) {
    rupiahTimes60 += rateAt(tariff, startedAt + block * blockMs, timeZone) * tariff.rounding_minutes;
  }
  return Math.max(Math.ceil(rupiahTimes60 / 60), tariff.minimum_charge);
}

// The price of `minutes` more of a fixed package, pro rata of its price now.
export function extensionPrice(tariff: Tariff, at: number, minutes: number, timeZone: string): number {
  if (!tariff.duration_minutes || minutes <= 0) return 0;
  return Math.ceil((rateAt(tariff, at, timeZone) * minutes) / tariff.duration_minutes);
}

// Whether a package may run on a station of this console type.
export function fitsConsole(pkg: Pick<Package, 'console_type'>, consoleType: string): boolean {
  return pkg.console_type === 'any' || pkg.console_type === consoleType;
}

// What `minutes` of open play cost at one hourly rate all along: the
// packages page previews the day and the night rate each on its own.
export function openPlayChargeAtRate(
  tariff: Pick<Tariff, 'rounding_minutes' | 'minimum_charge'>,
  hourlyRate: number,
  minutes: number,
): number {
  const flat = { ...tariff, kind: 'open' as const, duration_minutes: null, price: hourlyRate, night_price: null, night_from: null, night_until: null };
  return openPlayCharge(flat, 0, minutes * MINUTE_MS, 'UTC');
}
