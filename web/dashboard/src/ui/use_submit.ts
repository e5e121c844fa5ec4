import { useState } from 'preact/hooks';

export interface Submission<A extends unknown[] = []> {
  busy: boolean;
  // What the last attempt threw, or null. Kept as thrown so a form can put a
  // host error (say, a taken username) on the field it is about.
  error: unknown;
  submit: (...args: A) => Promise<void>;
  clearError: () => void;
}

// Runs a form's action (or a row's, given what to act on) one attempt at a
// time: busy while it runs, and what it threw kept for the form to show; the
// action itself toasts and closes.
export function useSubmit<A extends unknown[] = []>(action: (...args: A) => Promise<void>): Submission<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(...args: A) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action(...args);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, submit, clearError: () => setError(null) };
}
