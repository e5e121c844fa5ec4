import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { tc } from '../../i18n/common';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Field, TextInput } from '../../ui/field';
import { t } from './messages';
import { userErrorMessage } from './user_errors';
import { passwordProblem } from './user_form';

// An admin sets a new password for someone who forgot theirs: the user's
// tokens are revoked and they must change it at the next sign-in.
export function PasswordDialog({ user, onClose, onSaved }: { user: User; onClose: () => void; onSaved: (user: User) => void }) {
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problem = passwordProblem(password, user.username);

  async function save() {
    setSubmitted(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      onSaved((await api<{ user: User }>(`/users/${user.id}`, { method: 'PUT', body: { password } })).user);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('set_password', { name: user.username })}
      onClose={onClose}
      onSubmit={save}
      footer={
        <>
          <Button onClick={onClose}>{tc('cancel')}</Button>
          <Button type="submit" variant="primary" loading={busy}>{t('set_password_button')}</Button>
        </>
      }
    >
      <p class="muted">{t('set_password_intro', { name: user.display_name || user.username })}</p>
      <Field label={t('password')} error={submitted ? problem : null} hint={t('password_hint')}>
        {(id, invalid) => <TextInput id={id} type="password" value={password} invalid={invalid} autoComplete="new-password" onValue={setPassword} />}
      </Field>
      {error !== null && <div class="form-error" role="alert">{userErrorMessage(error)}</div>}
    </Dialog>
  );
}
