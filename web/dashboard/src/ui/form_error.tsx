import { errorMessage } from '../i18n/common';

interface FormErrorProps {
  // What a submission threw, or null.
  error: unknown;
  // How it reads; null when the form shows it elsewhere (on a field).
  describe?: (error: unknown) => string | null;
}

// What the host refused, in words, where a screen reader announces it.
export function FormError({ error, describe = errorMessage }: FormErrorProps) {
  const message = error === null ? null : describe(error);
  return message ? <div class="form-error" role="alert">{message}</div> : null;
}
