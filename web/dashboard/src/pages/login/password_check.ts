import { t } from './messages';

export interface PasswordCheck {
  // The problem shown under the new password, and under its repeat.
  next: string | null;
  repeat: string | null;
  // Whether the change may be sent.
  ready: boolean;
}

// A password change as the user types it: at least 8 characters (counted
// as the user sees them), not the current one, typed the same twice.
export function checkPasswordChange(current: string, next: string, repeat: string): PasswordCheck {
  const nextProblem = next.length > 0 && [...next].length < 8 ? t('too_short')
    : next.length > 0 && next === current ? t('same_as_old') : null;
  const repeatProblem = repeat.length > 0 && repeat !== next ? t('mismatch') : null;
  return { next: nextProblem, repeat: repeatProblem, ready: current.length > 0 && next.length > 0 && !nextProblem && repeat === next };
}
