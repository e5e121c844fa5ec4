import type { Package } from '../../api/types';

// The host's open-play rule (pricing/tariff.cpp) for a preview at one rate:
// the minutes are rounded up to whole blocks of `rounding_minutes`, each
// block costs its share of the hourly rate, the total is rounded up to whole
// rupiah and never below the minimum charge. (The host picks the day or
// night rate block by block; a preview shows each rate on its own.)
export function openPlayCharge(
  tariff: Pick<Package, 'rounding_minutes' | 'minimum_charge'>,
  hourlyRate: number,
  minutes: number,
): number {
  const rounding = Math.max(1, tariff.rounding_minutes);
  const blocks = minutes > 0 ? Math.ceil(minutes / rounding) : 0;
  const charge = Math.ceil((blocks * rounding * hourlyRate) / 60);
  return Math.max(charge, tariff.minimum_charge);
}
