import { useState } from 'preact/hooks';
import { changePassword, user } from '../../auth/auth';
import { Button } from '../../ui/button';
import { Field, TextInput } from '../../ui/field';
import { FormError } from '../../ui/form_error';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { t as passwordText } from '../login/messages';
import { checkPasswordChange } from '../login/password_check';
import { t } from './messages';

// Every signed-in user changes their own password here. The host answers
// with a new token (older ones are revoked) that auth.ts adopts.
export function MyAccount() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const me = user.value;
  const check = checkPasswordChange(current, next, repeat);
  const submission = useSubmit(async () => {
    if (!check.ready) return;
    await changePassword(current, next);
    setCurrent('');
    setNext('');
    setRepeat('');
    toast('success', t('password_changed'));
  });

  return (
    <form class="card stack" aria-labelledby="settings-account" onSubmit={(event) => { event.preventDefault(); void submission.submit(); }}>
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
        <Field label={passwordText('new_password')} error={check.next}>
          {(id, invalid) => <TextInput id={id} type="password" value={next} invalid={invalid} autoComplete="new-password" onValue={setNext} />}
        </Field>
        <Field label={passwordText('repeat_password')} error={check.repeat}>
          {(id, invalid) => <TextInput id={id} type="password" value={repeat} invalid={invalid} autoComplete="new-password" onValue={setRepeat} />}
        </Field>
      </div>
      <FormError error={submission.error} />
      <div class="row row--end">
        <Button type="submit" variant="primary" loading={submission.busy} disabled={!check.ready}>{t('change_password')}</Button>
      </div>
    </form>
  );
}
