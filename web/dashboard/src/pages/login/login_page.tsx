import { useState } from 'preact/hooks';
import { login, signOutReason } from '../../auth/auth';
import { errorMessage } from '../../i18n/common';
import { Button } from '../../ui/button';
import { Field, TextInput } from '../../ui/field';
import { LanguageSwitch } from '../../shell/language_switch';
import { t } from './messages';

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (failure) {
      setError(errorMessage(failure));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="auth-screen">
      <form class="auth-card" onSubmit={submit}>
        <div class="auth-card__brand" aria-hidden="true">▶</div>
        <h1>{t('title')}</h1>
        <p class="muted">{t('subtitle')}</p>
        {signOutReason.value === 'expired' && !error && <div class="form-error" role="status">{t('expired')}</div>}
        {error && <div class="form-error" role="alert">{error}</div>}
        <Field label={t('username')}>
          {(id) => <TextInput id={id} name="username" value={username} onValue={setUsername} autoComplete="username" required />}
        </Field>
        <Field label={t('password')}>
          {(id) => <TextInput id={id} name="password" type="password" value={password} onValue={setPassword} autoComplete="current-password" required />}
        </Field>
        <Button type="submit" variant="primary" block loading={busy}>{t('submit')}</Button>
        <LanguageSwitch />
      </form>
    </main>
  );
}
