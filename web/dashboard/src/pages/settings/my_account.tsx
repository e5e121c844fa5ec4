import { useState } from 'preact/hooks';
import { changePassword, user } from '../../auth/auth';
import { errorMessage } from '../../i18n/common';
import { Button } from '../../ui/button';
import { Field, TextInput } from '../../ui/field';
import { toast } from '../../ui/toast';
import { t as passwordText } from '../login/messages';
import { t } from './messages';

// Every signed-in user changes their own password here. The host answers
// with a new token (older ones are revoked) that auth.ts adopts.
export function MyAccount() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const me = user.value;

  const nextProblem = next.length > 0 && [...next].length < 8 ? passwordText('too_short')
    : next.length > 0 && next === current ? passwordText('same_as_old') : null;
  const repeatProblem = repeat.length > 0 && repeat !== next ? passwordText('mismatch') : null;
  const ready = current.length > 0 && next.length > 0 && !nextProblem && repeat === next;

  async function submit(event: Event) {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      toast('success', t('password_changed'));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card stack" aria-labelledby="settings-account" onSubmit={submit}>
      <h2 id="settings-account">{t('account')}</h2>
      {me && (
        <p class="muted">
          {t('account_intro', { name: me.display_name || me.username, username: me.username, role: t(me.role === 'admin' ? 'role_admin' : 'role_operator') })}
        </p>
      )}
      <div class="form-grid">
        <Field label={passwordText('current_password')}>
          {(id) => <TextInput id={id} type="password" value={current} autoComplete="current-password" onValue={setCurrent} />}
        </Field>
        <Field label={passwordText('new_password')} error={nextProblem}>
          {(id, invalid) => <TextInput id={id} type="password" value={next} invalid={invalid} autoComplete="new-password" onValue={setNext} />}
        </Field>
        <Field label={passwordText('repeat_password')} error={repeatProblem}>
          {(id, invalid) => <TextInput id={id} type="password" value={repeat} invalid={invalid} autoComplete="new-password" onValue={setRepeat} />}
        </Field>
      </div>
      {error && <div class="form-error" role="alert">{error}</div>}
      <div class="row row--end">
        <Button type="submit" variant="primary" loading={busy} disabled={!ready}>{t('change_password')}</Button>
      </div>
    </form>
  );
}
