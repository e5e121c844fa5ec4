import { ApiError } from '../../api/client';
import { errorMessage } from '../../i18n/common';
import { t } from './messages';

// The tv-websocket plugin's admin routes (docs/api.md "TV plugin").
export const TV_API = '/plugins/tv-websocket';

// A route of a plugin that is not running: unknown (404) or refused while
// it stopped (503 plugin_unavailable).
export function pluginNotRunning(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'not_found' || error.code === 'plugin_unavailable' || error.code === 'plugin_not_found');
}

const tvCodes = ['auto_add_disabled', 'device_revoked', 'device_not_paired'] as const;

// The plugin's own error codes in the user's language; the rest as usual.
export function tvErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const code = tvCodes.find((known) => known === error.code);
    if (code) return t(code);
    if (pluginNotRunning(error)) return t('plugin_off');
  }
  return errorMessage(error);
}

// The pairing code as the TV shows it ("123 456"), whatever was typed.
export function normalizeCode(text: string): string {
  return text.replace(/\D/g, '');
}

// A pairing code as the TV shows it: "483 915".
export function displayCode(code: string | null): string {
  const digits = normalizeCode(code ?? '');
  return digits.length === 6 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits;
}
