import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { FormDialog } from '../../ui/form_dialog';
import { useSubmit } from '../../ui/use_submit';
import { Field, TextInput } from '../../ui/field';
import { t } from './messages';
import { userErrorMessage } from './user_errors';
import { passwordProblem } from './user_form';

// An admin sets a new password for someone who forgot theirs: the user's
// tokens are revoked and they must change it at the next sign-in.
export function PasswordDialog({ user, onClose, onSaved }: { user: User; onClose: () => void; onSaved: (user: User) => void }) {
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const problem = passwordProblem(password, user.username);

  const submission = useSubmit(async () => {
    setSubmitted(true);
    if (problem) return;
    onSaved((await api<{ user: User }>(`/users/${user.id}`, { method: 'PUT', body: { password } })).user);
  });

  return (
    <FormDialog
      title={t('set_password', { name: user.username })}
      onClose={onClose}
      submission={submission}
      submitLabel={t('set_password_button')}
      describeError={userErrorMessage}
    >
      <p class="muted">{t('set_password_intro', { name: user.display_name || user.username })}</p>
      <Field label={t('password')} error={submitted ? problem : null} hint={t('password_hint')}>
        {(id, invalid) => <TextInput id={id} type="password" value={password} invalid={invalid} autoComplete="new-password" onValue={setPassword} />}
      </Field>
    </FormDialog>
  );
}
