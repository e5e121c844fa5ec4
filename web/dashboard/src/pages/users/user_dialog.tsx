import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Permission, User } from '../../api/types';
import { tc } from '../../i18n/common';
import { useResource } from '../../live/hooks';
import { FormDialog } from '../../ui/form_dialog';
import { Field, Select, TextInput } from '../../ui/field';
import { Loaded } from '../../ui/page';
import { useSubmit } from '../../ui/use_submit';
import { t } from './messages';
import { PermissionPicker } from './permission_picker';
import { samePermissions } from './permission_groups';
import { userErrorMessage } from './user_errors';
import { type UserForm, userFormProblems } from './user_form';

interface Props {
  // The user to edit, or none to create one.
  user?: User;
  // Whether the user edited is the one signed in (who cannot demote themself).
  self: boolean;
  onClose: () => void;
  onSaved: (user: User) => void;
}

// The fields of an edit the host is sent: only what changed.
function changes(before: User, form: UserForm): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (form.display_name.trim() !== before.display_name) body.display_name = form.display_name.trim();
  if (form.role !== before.role) body.role = form.role;
  if (form.role === 'operator' && !samePermissions(form.permissions, before.permissions)) body.permissions = form.permissions;
  return body;
}

export function UserDialog({ user, self, onClose, onSaved }: Props) {
  const creating = !user;
  const catalog = useResource((signal) => api<{ permissions: Permission[] }>('/permissions', { signal }), [], ['plugin.*']);
  const [form, setForm] = useState<UserForm>({
    username: user?.username ?? '',
    display_name: user?.display_name ?? '',
    password: '',
    role: user?.role ?? 'operator',
    permissions: user?.permissions ?? [],
  });
  const [submitted, setSubmitted] = useState(false);
  const problems = userFormProblems(form, creating);
  const shown = submitted ? problems : {};
  const set = <K extends keyof UserForm>(key: K, value: UserForm[K]) => setForm({ ...form, [key]: value });

  const submission = useSubmit(async () => {
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    let saved: User;
    if (creating) {
      saved = (await api<{ user: User }>('/users', {
        body: {
          username: form.username.trim().toLowerCase(),
          display_name: form.display_name.trim(),
          password: form.password,
          role: form.role,
          permissions: form.role === 'admin' ? [] : form.permissions,
        },
      })).user;
    } else {
      const body = changes(user, form);
      saved = Object.keys(body).length === 0 ? user : (await api<{ user: User }>(`/users/${user.id}`, { method: 'PUT', body })).user;
    }
    onSaved(saved);
  });

  const taken = submission.error instanceof ApiError && submission.error.code === 'username_taken';
  return (
    <FormDialog
      wide
      title={creating ? t('create_title') : t('edit_title', { name: user.username })}
      onClose={onClose}
      submission={submission}
      submitLabel={creating ? tc('create') : tc('save')}
      describeError={userErrorMessage}
    >
      <div class="form-grid">
        {creating && (
          <Field label={t('username')} error={shown.username ?? (taken ? userErrorMessage(submission.error) : null)} hint={t('username_hint')}>
            {(id, invalid) => (
              <TextInput id={id} value={form.username} invalid={invalid} autoComplete="off" onValue={(value) => set('username', value)} />
            )}
          </Field>
        )}
        <Field label={t('display_name')}>
          {(id) => <TextInput id={id} value={form.display_name} maxLength={80} onValue={(value) => set('display_name', value)} />}
        </Field>
        {creating && (
          <Field label={t('password')} error={shown.password} hint={t('password_hint')}>
            {(id, invalid) => (
              <TextInput id={id} type="password" value={form.password} invalid={invalid} autoComplete="new-password" onValue={(value) => set('password', value)} />
            )}
          </Field>
        )}
        <Field label={t('role')}>
          {(id) => (
            <Select
              id={id}
              value={form.role}
              disabled={self}
              onValue={(value) => set('role', value as UserForm['role'])}
              options={[{ value: 'operator', label: t('role_operator') }, { value: 'admin', label: t('role_admin') }]}
            />
          )}
        </Field>
      </div>
      <h3>{t('permissions')}</h3>
      <Loaded resource={catalog}>
        {(data) => (
          <PermissionPicker
            catalog={data.permissions}
            held={form.permissions}
            admin={form.role === 'admin'}
            onChange={(next) => set('permissions', next)}
          />
        )}
      </Loaded>
    </FormDialog>
  );
}
