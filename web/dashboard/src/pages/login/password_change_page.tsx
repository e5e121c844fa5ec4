import { useState } from 'preact/hooks';
import { changePassword, signOut } from '../../auth/auth';
import { errorMessage } from '../../i18n/common';
import { t as shell } from '../../shell/messages';
import { Button } from '../../ui/button';
import { Field, TextInput } from '../../ui/field';
import { toast } from '../../ui/toast';
import { t } from './messages';

// Shown instead of the dashboard while the user must change the password
// (the default admin on first run, or a password an admin set).
export function PasswordChangePage() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const problem = next.length > 0 && next.length < 8 ? t('too_short')
    : repeat.length > 0 && repeat !== next ? t('mismatch')
    : next.length > 0 && next === current ? t('same_as_old') : null;

  async function submit(event: Event) {
    event.preventDefault();
    if (problem || next.length < 8 || next !== repeat) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(current, next);
      toast('success', t('changed'));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="auth-screen">
      <form class="auth-card" onSubmit={submit}>
        <h1>{t('change_title')}</h1>
        <p class="muted">{t('change_intro')}</p>
        {error && <div class="form-error" role="alert">{error}</div>}
        <Field label={t('current_password')}>
          {(id) => <TextInput id={id} name="current_password" type="password" value={current} onValue={setCurrent} autoComplete="current-password" required />}
        </Field>
        <Field label={t('new_password')} error={next.length > 0 && next.length < 8 ? t('too_short') : next.length > 0 && next === current ? t('same_as_old') : null}>
          {(id, invalid) => <TextInput id={id} name="new_password" type="password" value={next} onValue={setNext} invalid={invalid} autoComplete="new-password" required />}
        </Field>
        <Field label={t('repeat_password')} error={repeat.length > 0 && repeat !== next ? t('mismatch') : null}>
          {(id, invalid) => <TextInput id={id} name="repeat_password" type="password" value={repeat} onValue={setRepeat} invalid={invalid} autoComplete="new-password" required />}
        </Field>
        <Button type="submit" variant="primary" block loading={busy} disabled={Boolean(problem) || next.length < 8 || next !== repeat}>
          {t('change_submit')}
        </Button>
        <Button variant="ghost" block onClick={() => signOut('logged_out')}>{shell('logout')}</Button>
      </form>
    </main>
  );
}
