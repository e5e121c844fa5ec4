import type { ConsoleType, Package } from '../../api/types';
import { groupThousands, parseMoney } from '../../format/money';

// The package form as typed, and its check mirroring the host's
// (catalog/package_input.cpp), so most mistakes show before saving.
export const ROUNDING_CHOICES = [1, 5, 10, 15, 30, 60] as const;
export const CONSOLE_CHOICES: (ConsoleType | 'any')[] = ['any', 'PS3', 'PS4', 'PS5', 'other'];
const MAX_PRICE = 100_000_000;
const MAX_NAME = 60;
const MAX_DURATION = 1440;

export interface PackageDraft {
  name: string;
  console_type: ConsoleType | 'any';
  duration_minutes: string;
  price: string;
  rounding_minutes: string;
  minimum_charge: string;
  night: boolean;
  night_price: string;
  night_from: string;
  night_until: string;
}

export type DraftField = keyof PackageDraft;
export type DraftProblem =
  | 'name_required' | 'name_too_long' | 'price_invalid' | 'duration_invalid' | 'rounding_invalid'
  | 'time_invalid' | 'night_same';
export type DraftErrors = Partial<Record<DraftField, DraftProblem>>;

const money = (value: number) => groupThousands(value, '.');

export function draftOf(item: Package | null, kind: Package['kind']): PackageDraft {
  return {
    name: item?.name ?? '',
    console_type: item?.console_type ?? 'any',
    duration_minutes: String(item?.duration_minutes ?? (kind === 'fixed' ? 60 : '')),
    price: item ? money(item.price) : '',
    rounding_minutes: String(item?.rounding_minutes ?? 15),
    minimum_charge: money(item?.minimum_charge ?? 0),
    night: item?.night_price != null,
    night_price: item?.night_price != null ? money(item.night_price) : '',
    night_from: item?.night_from ?? '18:00',
    night_until: item?.night_until ?? '06:00',
  };
}

function price(text: string): number | null {
  const value = parseMoney(text);
  return value !== null && value <= MAX_PRICE ? value : null;
}

const isTimeOfDay = (text: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(text);

// The field problems of a draft, and the request body when there are none.
// Editing sends every field (the kind is fixed once created); turning the
// night price off sends the three night fields as null.
export function checkDraft(draft: PackageDraft, kind: Package['kind']): { errors: DraftErrors; body: Record<string, unknown> | null } {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'name_required';
  else if ([...name].length > MAX_NAME) errors.name = 'name_too_long';
  const dayPrice = price(draft.price);
  if (dayPrice === null) errors.price = 'price_invalid';

  const body: Record<string, unknown> = { name, console_type: draft.console_type, kind, price: dayPrice };
  if (kind === 'fixed') {
    const duration = Number(draft.duration_minutes);
    if (!Number.isInteger(duration) || duration < 1 || duration > MAX_DURATION || draft.duration_minutes.trim() === '') {
      errors.duration_minutes = 'duration_invalid';
    }
    body.duration_minutes = duration;
  } else {
    const rounding = Number(draft.rounding_minutes);
    if (!(ROUNDING_CHOICES as readonly number[]).includes(rounding)) errors.rounding_minutes = 'rounding_invalid';
    const minimum = price(draft.minimum_charge);
    if (minimum === null) errors.minimum_charge = 'price_invalid';
    body.rounding_minutes = rounding;
    body.minimum_charge = minimum;
  }

  if (draft.night) {
    const nightPrice = price(draft.night_price);
    if (nightPrice === null) errors.night_price = 'price_invalid';
    if (!isTimeOfDay(draft.night_from)) errors.night_from = 'time_invalid';
    if (!isTimeOfDay(draft.night_until)) errors.night_until = 'time_invalid';
    else if (draft.night_from === draft.night_until) errors.night_until = 'night_same';
    Object.assign(body, { night_price: nightPrice, night_from: draft.night_from, night_until: draft.night_until });
  } else {
    Object.assign(body, { night_price: null, night_from: null, night_until: null });
  }
  return { errors, body: Object.keys(errors).length === 0 ? body : null };
}
