import { signal } from '@preact/signals';
import { api } from '../api/client';
import type { BusEvent, Settings } from '../api/types';
import { formatMoney } from '../format/money';
import { formatDate, formatDateTime, formatTime } from '../format/time';
import { lang } from '../i18n/i18n';
import { onEvent } from '../live/event_stream';

// The shop's settings, loaded after sign-in and kept current from the live
// stream: every money amount and date on the dashboard is written with them.
export const DEFAULT_SETTINGS: Settings = {
  shop_name: 'billing-host',
  whatsapp_number: '',
  time_zone: 'Asia/Jakarta',
  currency: { symbol: 'Rp', thousands_separator: '.' },
  business_day_start: '06:00',
  session_warning_minutes: [5, 1],
  session_max_pause_minutes: 10,
};

export const settings = signal<Settings>(DEFAULT_SETTINGS);

export async function loadSettings(): Promise<void> {
  settings.value = await api<Settings>('/settings');
}

export function followSettings(): () => void {
  return onEvent('settings.changed', (event: BusEvent<{ settings: Settings }>) => {
    if (event.payload?.settings) settings.value = event.payload.settings;
  });
}

export const money = (amount: number) => formatMoney(amount, settings.value.currency);
export const dateTime = (value: string | number | Date) => formatDateTime(value, lang.value, settings.value.time_zone);
export const time = (value: string | number | Date) => formatTime(value, lang.value, settings.value.time_zone);
export const date = (value: string | number | Date) => formatDate(value, lang.value, settings.value.time_zone);
