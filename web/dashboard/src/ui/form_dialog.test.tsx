import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { setLang } from '../i18n/i18n';
import { FormDialog } from './form_dialog';
import { useSubmit } from './use_submit';

function Example({ action, describeError, canSubmit }: {
  action: () => Promise<void>;
  describeError?: (error: unknown) => string | null;
  canSubmit?: boolean;
}) {
  const submission = useSubmit(action);
  return (
    <FormDialog title="Contoh" onClose={() => {}} submission={submission} submitLabel="Kirim" canSubmit={canSubmit} describeError={describeError}>
      <input aria-label="Isi" />
    </FormDialog>
  );
}

describe('FormDialog', () => {
  afterEach(cleanup);

  it('runs the action once while it is busy, then shows what it threw', async () => {
    setLang('en');
    let fail: (error: unknown) => void = () => {};
    const action = vi.fn(() => new Promise<void>((_, reject) => { fail = reject; }));
    render(<Example action={action} />);
    const submit = screen.getByRole('button', { name: 'Kirim' });
    fireEvent.click(submit);
    await waitFor(() => expect(submit.getAttribute('aria-busy')).toBe('true'));
    fireEvent.submit(submit.closest('form')!);
    expect(action).toHaveBeenCalledTimes(1);
    fail(new Error('Stasiun sedang dipakai'));
    expect((await screen.findByRole('alert')).textContent).toBe('Stasiun sedang dipakai');
    expect(submit.getAttribute('aria-busy')).not.toBe('true');
  });

  it('leaves an error the form shows on a field out of the alert', async () => {
    const action = () => Promise.reject(new ApiError(409, 'phone_taken', 'taken'));
    render(<Example action={action} describeError={() => null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Kirim' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Kirim' }).getAttribute('aria-busy')).not.toBe('true'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not submit while it cannot', () => {
    const action = vi.fn(() => Promise.resolve());
    render(<Example action={action} canSubmit={false} />);
    const submit = screen.getByRole('button', { name: 'Kirim' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.submit(submit.closest('form')!);
    expect(action).not.toHaveBeenCalled();
  });
});
