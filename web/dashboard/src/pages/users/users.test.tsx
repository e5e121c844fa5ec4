import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Permission, User } from '../../api/types';
import { user as signedIn } from '../../auth/auth';
import { setLang } from '../../i18n/i18n';
import { jsonReply, testUser } from '../../test_support/fixtures';
import { groupPermissions, samePermissions, togglePermission } from './permission_groups';
import { userFormProblems } from './user_form';
import { UsersPage } from './users_page';

const catalog: Permission[] = [
  { name: 'sessions.view', label: 'Lihat TV dan sesi', owner: 'host' },
  { name: 'tv.control', label: 'Kendalikan TV', owner: 'adb-control' },
  { name: 'members.view', label: 'Lihat member', owner: 'host' },
  { name: 'fixture.use', label: 'Use the echo fixture', owner: 'fixture-echo' },
];

describe('permission groups', () => {
  it('puts the host first, then each plugin, then what is held but no longer declared', () => {
    const groups = groupPermissions(catalog, ['members.view', 'whatsapp.send']);
    expect(groups.map((group) => [group.kind, group.owner, group.permissions.map((p) => p.name)])).toEqual([
      ['host', 'host', ['sessions.view', 'members.view']],
      ['plugin', 'adb-control', ['tv.control']],
      ['plugin', 'fixture-echo', ['fixture.use']],
      ['unknown', '', ['whatsapp.send']],
    ]);
  });

  it('toggles and compares permission lists', () => {
    expect(togglePermission(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(togglePermission(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(togglePermission(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(samePermissions(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(samePermissions(['a'], ['a', 'b'])).toBe(false);
  });
});

describe('user form checks', () => {
  const form = { username: 'kasir1', display_name: 'Kasir Satu', password: 'rahasia-kasir', role: 'operator' as const, permissions: [] };
  it('checks a new user as the host does', () => {
    setLang('en');
    expect(userFormProblems(form, true)).toEqual({});
    expect(userFormProblems({ ...form, username: 'Ab' }, true).username).toMatch(/3–32/);
    expect(userFormProblems({ ...form, username: 'budi santoso' }, true).username).toMatch(/a-z/);
    expect(userFormProblems({ ...form, password: 'pendek' }, true).password).toBe('At least 8 characters.');
    expect(userFormProblems({ ...form, username: 'kasir123', password: 'KASIR123' }, true).password).toMatch(/username/);
    expect(userFormProblems({ ...form, password: '' }, false)).toEqual({});
    setLang('id');
  });
});

const admin = testUser({ display_name: 'Pak Ikbal' });
const operator: User = { ...admin, id: 2, username: 'kasir1', display_name: 'Siti', role: 'operator', permissions: ['sessions.view'] };


describe('UsersPage', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists users and sends only the changed permissions of an edit', async () => {
    signedIn.value = admin;
    const calls: { method: string; url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', vi.fn((url: string, init: RequestInit) => {
      calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      if (url.endsWith('/users')) return jsonReply({ users: [admin, operator] });
      if (url.endsWith('/permissions')) return jsonReply({ permissions: catalog });
      if (url.endsWith('/users/2')) return jsonReply({ user: { ...operator, permissions: ['sessions.view', 'members.view'] } });
      return jsonReply({ error: { code: 'not_found', message: 'no' } }, 404);
    }));
    render(<UsersPage />);
    expect(await screen.findByText('kasir1')).toBeTruthy();
    // Nobody disables or deletes themself: those buttons are only on others' rows.
    expect(screen.queryByRole('button', { name: 'Hapus admin' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ubah kasir1' }));
    const members = await screen.findByRole('checkbox', { name: /members\.view/ });
    expect((screen.getByRole('checkbox', { name: /sessions\.view/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(members);
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true));
    expect(calls.find((call) => call.method === 'PUT')).toEqual({
      method: 'PUT', url: '/api/v1/users/2', body: { permissions: ['sessions.view', 'members.view'] },
    });
  });

  it('shows the host refusal of the last admin', async () => {
    signedIn.value = { ...admin, id: 99 };
    vi.stubGlobal('fetch', vi.fn((_url: string, init: RequestInit) => {
      if (init.method === 'DELETE') return jsonReply({ error: { code: 'last_admin', message: 'the last enabled admin' } }, 409);
      return jsonReply({ users: [admin] });
    }));
    render(<UsersPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Hapus admin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hapus' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Admin terakhir tidak bisa diubah atau dihapus.');
  });
});
