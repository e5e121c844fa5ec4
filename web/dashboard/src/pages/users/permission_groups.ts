import type { Permission } from '../../api/types';

// The permission checkboxes in groups: the host's own first, then one group
// per plugin, then what a user holds that no running plugin declares now
// (its plugin stopped), so an admin still sees and can remove it.
export interface PermissionGroup {
  owner: string;
  kind: 'host' | 'plugin' | 'unknown';
  permissions: { name: string; label: string }[];
}

export function groupPermissions(catalog: Permission[], held: string[]): PermissionGroup[] {
  const byOwner = new Map<string, PermissionGroup>();
  for (const permission of catalog) {
    let group = byOwner.get(permission.owner);
    if (!group) {
      group = { owner: permission.owner, kind: permission.owner === 'host' ? 'host' : 'plugin', permissions: [] };
      byOwner.set(permission.owner, group);
    }
    group.permissions.push({ name: permission.name, label: permission.label });
  }
  const groups = [...byOwner.values()].sort((a, b) =>
    a.kind === b.kind ? a.owner.localeCompare(b.owner) : a.kind === 'host' ? -1 : 1);
  const known = new Set(catalog.map((permission) => permission.name));
  const unknown = held.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    groups.push({ owner: '', kind: 'unknown', permissions: unknown.map((name) => ({ name, label: name })) });
  }
  return groups;
}

// Adds or removes one permission, keeping the catalog's order stable.
export function togglePermission(held: string[], name: string, on: boolean): string[] {
  return on ? (held.includes(name) ? held : [...held, name]) : held.filter((item) => item !== name);
}

export function samePermissions(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}
