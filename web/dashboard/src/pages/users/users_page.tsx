import { useState } from 'preact/hooks';
import { KeyRound, Pencil, Trash, UserCheck, UserPlus, UserX } from 'lucide-preact';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { updateUser, user as signedIn } from '../../auth/auth';
import { tc } from '../../i18n/common';
import { useResource } from '../../live/hooks';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/dialog';
import { Empty, Loaded, Page } from '../../ui/page';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { t } from './messages';
import { PasswordDialog } from './password_dialog';
import { UserDialog } from './user_dialog';
import { userErrorMessage } from './user_errors';
import './users.css';

type Open =
  | { kind: 'create' }
  | { kind: 'edit' | 'password' | 'disable' | 'delete'; user: User }
  | null;

const nameOf = (user: User) => user.display_name || user.username;

// Users and what each may do (admin only): create, edit with a checkbox per
// permission, set a new password, disable or enable, delete. Follows
// user.* so another admin's change shows at once.
export function UsersPage() {
  const users = useResource((signal) => api<{ users: User[] }>('/users', { signal }), [], ['user.*']);
  const [open, setOpen] = useState<Open>(null);
  const close = () => {
    setOpen(null);
    action.clearError();
  };

  function saved(user: User, message: string) {
    updateUser(user);
    toast('success', message);
    close();
    users.reload();
  }

  // Disable, enable or delete, with the host's refusal (last_admin,
  // cannot_change_self) shown where the action was asked.
  const action = useSubmit(async (user: User, kind: 'disable' | 'enable' | 'delete') => {
    try {
      if (kind === 'delete') {
        await api(`/users/${user.id}`, { method: 'DELETE' });
        toast('success', t('deleted', { name: user.username }));
        close();
        users.reload();
      } else {
        const next = (await api<{ user: User }>(`/users/${user.id}`, { method: 'PUT', body: { disabled: kind === 'disable' } })).user;
        saved(next, t(kind === 'disable' ? 'disabled_done' : 'enabled_done', { name: user.username }));
      }
    } catch (failure) {
      if (open) throw failure;
      toast('danger', userErrorMessage(failure));
    }
  });

  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      actions={<Button variant="primary" icon={<UserPlus />} onClick={() => setOpen({ kind: 'create' })}>{t('add')}</Button>}
    >
      <Loaded resource={users}>
        {(data) => data.users.length === 0 ? <Empty /> : (
          <div class="table-wrap">
            <table class="table users-table">
              <thead>
                <tr>
                  <th>{t('username')}</th>
                  <th>{t('display_name')}</th>
                  <th>{t('role')}</th>
                  <th>{t('permissions')}</th>
                  <th>{t('status')}</th>
                  <th><span class="sr-only">{tc('actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {data.users.map((user) => {
                  const self = user.id === signedIn.value?.id;
                  return (
                    <tr key={user.id} data-username={user.username} class={user.disabled ? 'is-disabled' : undefined}>
                      <td data-label={t('username')}>
                        <span class="row">
                          <strong class="mono">{user.username}</strong>
                          {self && <Badge tone="info">{t('you')}</Badge>}
                        </span>
                      </td>
                      <td data-label={t('display_name')}>{user.display_name || tc('none')}</td>
                      <td data-label={t('role')}>
                        <Badge tone={user.role === 'admin' ? 'accent' : 'neutral'}>{t(user.role === 'admin' ? 'role_admin' : 'role_operator')}</Badge>
                      </td>
                      <td data-label={t('permissions')}>
                        {user.role === 'admin' ? <span class="faint">{tc('all')}</span> : t('permissions_count', { n: user.permissions.length })}
                      </td>
                      <td data-label={t('status')}>
                        <span class="row users-table__status">
                          {user.disabled ? <Badge tone="danger">{t('disabled')}</Badge> : <Badge tone="success">{t('active')}</Badge>}
                          {user.must_change_password && <Badge tone="warning">{t('must_change')}</Badge>}
                        </span>
                      </td>
                      <td data-label="">
                        <span class="row row--end users-table__actions">
                          <Button small variant="ghost" label={t('edit', { name: user.username })} icon={<Pencil />} onClick={() => setOpen({ kind: 'edit', user })} />
                          <Button small variant="ghost" label={t('set_password', { name: user.username })} icon={<KeyRound />} onClick={() => setOpen({ kind: 'password', user })} />
                          {!self && (user.disabled ? (
                            <Button small variant="ghost" label={t('enable', { name: user.username })} icon={<UserCheck />} loading={action.busy && open === null} onClick={() => action.submit(user, 'enable')} />
                          ) : (
                            <Button small variant="ghost" label={t('disable', { name: user.username })} icon={<UserX />} onClick={() => setOpen({ kind: 'disable', user })} />
                          ))}
                          {!self && <Button small variant="ghost" label={t('delete', { name: user.username })} icon={<Trash />} onClick={() => setOpen({ kind: 'delete', user })} />}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>

      {open?.kind === 'create' && (
        <UserDialog self={false} onClose={close} onSaved={(user) => saved(user, t('created', { name: user.username }))} />
      )}
      {open?.kind === 'edit' && (
        <UserDialog
          user={open.user}
          self={open.user.id === signedIn.value?.id}
          onClose={close}
          onSaved={(user) => saved(user, t('updated', { name: user.username }))}
        />
      )}
      {open?.kind === 'password' && (
        <PasswordDialog user={open.user} onClose={close} onSaved={(user) => saved(user, t('password_set', { name: user.username }))} />
      )}
      {(open?.kind === 'disable' || open?.kind === 'delete') && (
        <ConfirmDialog
          title={t(open.kind === 'disable' ? 'disable_title' : 'delete_title', { name: open.user.username })}
          message={t(open.kind === 'disable' ? 'disable_body' : 'delete_body', { name: nameOf(open.user) })}
          confirmLabel={open.kind === 'disable' ? t('disable_confirm') : tc('delete')}
          danger
          busy={action.busy}
          error={action.error ? userErrorMessage(action.error) : null}
          onConfirm={() => action.submit(open.user, open.kind === 'disable' ? 'disable' : 'delete')}
          onClose={close}
        />
      )}
    </Page>
  );
}
