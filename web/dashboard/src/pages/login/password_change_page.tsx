import { useState } from 'preact/hooks';
import { changePassword, signOut } from '../../auth/auth';
import { t as shell } from '../../shell/messages';
import { Button } from '../../ui/button';
import { Field, TextInput } from '../../ui/field';
import { FormError } from '../../ui/form_error';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { t } from './messages';
import { checkPasswordChange } from './password_check';

// Shown instead of the dashboard while the user must change the password
// (the default admin on first run, or a password an admin set).
export function PasswordChangePage() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const check = checkPasswordChange(current, next, repeat);
  const submission = useSubmit(async () => {
    if (!check.ready) return;
    await changePassword(current, next);
    toast('success', t('changed'));
  });

  return (
    <main class="auth-screen">
      <form class="auth-card" onSubmit={(event) => { event.preventDefault(); void submission.submit(); }}>
        <h1>{t('change_title')}</h1>
        <p class="muted">{t('change_intro')}</p>
        <FormError error={submission.error} />
        <Field label={t('current_password')}>
          {(id) => <TextInput id={id} name="current_password" type="password" value={current} onValue={setCurrent} autoComplete="current-password" required />}
        </Field>
        <Field label={t('new_password')} error={check.next}>
          {(id, invalid) => <TextInput id={id} name="new_password" type="password" value={next} onValue={setNext} invalid={invalid} autoComplete="new-password" required />}
        </Field>
        <Field label={t('repeat_password')} error={check.repeat}>
          {(id, invalid) => <TextInput id={id} name="repeat_password" type="password" value={repeat} onValue={setRepeat} invalid={invalid} autoComplete="new-password" required />}
        </Field>
        <Button type="submit" variant="primary" block loading={submission.busy} disabled={!check.ready}>
          {t('change_submit')}
        </Button>
        <Button variant="ghost" block onClick={() => signOut('logged_out')}>{shell('logout')}</Button>
      </form>
    </main>
  );
}
