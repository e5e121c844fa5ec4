import { useState } from 'preact/hooks';

export interface Submission {
  busy: boolean;
  // What the last attempt threw, or null. Kept as thrown so a form can put a
  // host error (say, a taken username) on the field it is about.
  error: unknown;
  submit: () => Promise<void>;
  clearError: () => void;
}

// Runs a form's action one attempt at a time: busy while it runs, and what it
// threw kept for the form to show; the action itself toasts and closes.
export function useSubmit(action: () => Promise<void>): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, submit, clearError: () => setError(null) };
}
