import type { Package } from '../../api/types';
import { t } from './messages';

// "PS4", or the words for "any" and "other".
export function consoleLabel(type: Package['console_type']): string {
  return type === 'any' || type === 'other' ? t(type) : type;
}
