import type { Package } from '../../api/types';
import { money } from '../../shop/settings';
import { t } from './messages';

// How a package's prices read in the list: "Rp 10.000" for a fixed
// package, "Rp 8.000 / jam" for open play, and the night price with its
// window ("Rp 12.000 (18:00–06:00)").
export function dayPriceText(item: Package): string {
  return item.kind === 'open' ? t('per_hour', { price: money(item.price) }) : money(item.price);
}

export function nightPriceText(item: Package): string | null {
  if (item.night_price === null || !item.night_from || !item.night_until) return null;
  const price = item.kind === 'open' ? t('per_hour', { price: money(item.night_price) }) : money(item.night_price);
  return t('night_value', { price, from: item.night_from, until: item.night_until });
}

export function roundingText(item: Package): string {
  const block = item.rounding_minutes === 1 ? t('per_minute') : t('per_block', { n: item.rounding_minutes });
  return item.minimum_charge > 0 ? `${block}, ${t('minimum_short', { price: money(item.minimum_charge) })}` : block;
}

// Active packages first, then by name.
export function byActiveThenName(a: Package, b: Package): number {
  return Number(b.active) - Number(a.active) || a.name.localeCompare(b.name);
}
