import { useState } from 'preact/hooks';
import { login, signOutReason } from '../../auth/auth';
import { Button } from '../../ui/button';
import { Field, TextInput } from '../../ui/field';
import { FormError } from '../../ui/form_error';
import { useSubmit } from '../../ui/use_submit';
import { LanguageSwitch } from '../../shell/language_switch';
import { t } from './messages';

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmit(async () => {
    try {
      await login(username.trim(), password);
    } catch (failure) {
      setPassword('');
      throw failure;
    }
  });

  return (
    <main class="auth-screen">
      <form class="auth-card" onSubmit={(event) => { event.preventDefault(); void submission.submit(); }}>
        <div class="auth-card__brand" aria-hidden="true">▶</div>
        <h1>{t('title')}</h1>
        <p class="muted">{t('subtitle')}</p>
        {signOutReason.value === 'expired' && submission.error === null && <div class="form-error" role="status">{t('expired')}</div>}
        <FormError error={submission.error} />
        <Field label={t('username')}>
          {(id) => <TextInput id={id} name="username" value={username} onValue={setUsername} autoComplete="username" required />}
        </Field>
        <Field label={t('password')}>
          {(id) => <TextInput id={id} name="password" type="password" value={password} onValue={setPassword} autoComplete="current-password" required />}
        </Field>
        <Button type="submit" variant="primary" block loading={submission.busy}>{t('submit')}</Button>
        <LanguageSwitch />
      </form>
    </main>
  );
}
