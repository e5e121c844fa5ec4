import type { Permission } from '../../api/types';
import { Checkbox } from '../../ui/field';
import { t } from './messages';
import { groupPermissions, togglePermission } from './permission_groups';

interface Props {
  catalog: Permission[];
  held: string[];
  onChange: (next: string[]) => void;
  // An admin holds every permission: all boxes shown checked and locked.
  admin: boolean;
}

// A checkbox per permission, grouped by who declares it (the shop, then
// each plugin).
export function PermissionPicker({ catalog, held, onChange, admin }: Props) {
  const groups = groupPermissions(catalog, admin ? [] : held);
  return (
    <div class="permission-picker">
      {admin && <p class="muted">{t('permissions_admin')}</p>}
      {groups.map((group) => (
        <fieldset class="permission-group" key={group.owner} data-owner={group.owner}>
          <legend>
            {group.kind === 'host' ? t('owner_host') : group.kind === 'plugin' ? t('owner_plugin', { owner: group.owner }) : t('owner_unknown')}
          </legend>
          <div class="permission-group__items">
            {group.permissions.map((permission) => (
              <Checkbox
                key={permission.name}
                checked={admin || held.includes(permission.name)}
                disabled={admin}
                onChange={(on) => onChange(togglePermission(held, permission.name, on))}
                label={
                  <span class="permission">
                    <span>{permission.label}</span>
                    <code class="faint">{permission.name}</code>
                  </span>
                }
              />
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
