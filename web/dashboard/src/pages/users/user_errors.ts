import { ApiError } from '../../api/client';
import { errorMessage } from '../../i18n/common';
import { t } from './messages';

// The host's answer to a user change in words; unknown_permission is the one
// code the common table does not word (it names the permission).
export function userErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'unknown_permission') return t('unknown_permission', { message: error.message });
  return errorMessage(error);
}
