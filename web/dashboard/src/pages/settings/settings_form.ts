import type { Settings } from '../../api/types';
import { t } from './messages';

// The settings form as the user types it (every field a string), its checks
// (the host's rules in settings/setting_rules.cpp, worded for the shop) and
// the PUT body holding only the keys whose value really changed.
export interface SettingsDraft {
  shop_name: string;
  whatsapp_number: string;
  time_zone: string;
  currency_symbol: string;
  thousands_separator: string;
  business_day_start: string;
  session_warning_minutes: string;
  session_max_pause_minutes: string;
}

export type DraftField = keyof SettingsDraft;
export type DraftProblems = Partial<Record<DraftField, string>>;

export const COMMON_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

export function draftOf(settings: Settings): SettingsDraft {
  return {
    shop_name: settings.shop_name,
    whatsapp_number: settings.whatsapp_number,
    time_zone: settings.time_zone,
    currency_symbol: settings.currency.symbol,
    thousands_separator: settings.currency.thousands_separator,
    business_day_start: settings.business_day_start,
    session_warning_minutes: settings.session_warning_minutes.join(', '),
    session_max_pause_minutes: String(settings.session_max_pause_minutes),
  };
}

// The host's phone normalisation (core/phone_number.cpp): digits only, a
// local "08…" becomes "628…", 8 to 15 digits; otherwise what is wrong.
export function normalisePhone(text: string): { digits: string } | { problem: 'characters' | 'length' } {
  let digits = '';
  for (const c of text) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c === '+' && digits === '') continue;
    else if (!' -.()'.includes(c)) return { problem: 'characters' };
  }
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  if (digits.length < 8 || digits.length > 15) return { problem: 'length' };
  return { digits };
}

// "5, 1" → [5, 1] (largest first, as the host stores them), or null.
export function parseWarningMinutes(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length > 5 || !parts.every((part) => /^\d+$/.test(part))) return null;
  const minutes = parts.map(Number).sort((a, b) => b - a);
  if (minutes.some((minute, i) => minute < 1 || minute > 60 || minutes[i - 1] === minute)) return null;
  return minutes;
}

const ZONE_NAME = /^(?![./])[A-Za-z0-9_+-]+(\/(?![./])[A-Za-z0-9_+-]+)*$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

function oneLine(text: string, max: number): boolean {
  const trimmed = text.trim();
  const length = [...trimmed].length;
  return length >= 1 && length <= max && !/[\u0000-\u001f\u007f]/.test(trimmed);
}

export function draftProblems(draft: SettingsDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!oneLine(draft.shop_name, 80)) problems.shop_name = t('bad_shop_name');
  if (draft.whatsapp_number.trim() !== '') {
    const phone = normalisePhone(draft.whatsapp_number.trim());
    if ('problem' in phone) problems.whatsapp_number = t(phone.problem === 'characters' ? 'bad_whatsapp_characters' : 'bad_whatsapp_length');
  }
  if (draft.time_zone.length > 64 || !ZONE_NAME.test(draft.time_zone)) problems.time_zone = t('bad_time_zone');
  if (!oneLine(draft.currency_symbol, 8)) problems.currency_symbol = t('bad_symbol');
  if (!TIME_OF_DAY.test(draft.business_day_start.trim())) problems.business_day_start = t('bad_business_day');
  if (!parseWarningMinutes(draft.session_warning_minutes)) problems.session_warning_minutes = t('bad_warning');
  const pause = draft.session_max_pause_minutes.trim();
  if (!/^\d+$/.test(pause) || Number(pause) < 1 || Number(pause) > 120) problems.session_max_pause_minutes = t('bad_max_pause');
  return problems;
}

// The PUT /settings body: only what differs from the current settings. Call
// it on a draft without problems.
export function settingsChanges(draft: SettingsDraft, current: Settings): Partial<Settings> {
  const changes: Partial<Settings> = {};
  const shopName = draft.shop_name.trim();
  if (shopName !== current.shop_name) changes.shop_name = shopName;
  const phoneText = draft.whatsapp_number.trim();
  const phone = phoneText === '' ? '' : (normalisePhone(phoneText) as { digits: string }).digits;
  if (phone !== current.whatsapp_number) changes.whatsapp_number = phone;
  if (draft.time_zone !== current.time_zone) changes.time_zone = draft.time_zone;
  const currency = { symbol: draft.currency_symbol.trim(), thousands_separator: draft.thousands_separator };
  if (currency.symbol !== current.currency.symbol || currency.thousands_separator !== current.currency.thousands_separator) {
    changes.currency = currency;
  }
  const dayStart = draft.business_day_start.trim();
  if (dayStart !== current.business_day_start) changes.business_day_start = dayStart;
  const warnings = parseWarningMinutes(draft.session_warning_minutes)!;
  if (warnings.join() !== [...current.session_warning_minutes].sort((a, b) => b - a).join()) changes.session_warning_minutes = warnings;
  const pause = Number(draft.session_max_pause_minutes.trim());
  if (pause !== current.session_max_pause_minutes) changes.session_max_pause_minutes = pause;
  return changes;
}

// The form field the host's invalid_field message is about
// ("currency.symbol must be …" → currency_symbol).
export function fieldOfHostMessage(message: string): DraftField | null {
  const key = message.split(' ', 1)[0];
  const fields: Record<string, DraftField> = {
    shop_name: 'shop_name',
    whatsapp_number: 'whatsapp_number',
    time_zone: 'time_zone',
    'currency.symbol': 'currency_symbol',
    'currency.thousands_separator': 'thousands_separator',
    business_day_start: 'business_day_start',
    session_warning_minutes: 'session_warning_minutes',
    session_max_pause_minutes: 'session_max_pause_minutes',
  };
  return fields[key] ?? null;
}
