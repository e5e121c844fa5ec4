import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Member } from '../../api/types';
import { user as signedIn } from '../../auth/auth';
import { setLang } from '../../i18n/i18n';
import { jsonReply, testUser } from '../../test_support/fixtures';
import { MemberFormDialog } from './member_form_dialog';
import { MembersPage } from './members_page';

const budi: Member = { id: 7, name: 'Budi Santoso', phone: '6281234567890', notes: 'Suka PS5', created_at: '2026-11-20T03:00:00.000Z', updated_at: '2026-11-20T03:00:00.000Z' };
const admin = testUser({ display_name: 'Pak Ikbal' });


beforeEach(() => {
  setLang('id');
  window.location.hash = '#/members';
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('MembersPage', () => {
  it('lists members and searches as the user types', async () => {
    signedIn.value = admin;
    const fetch = vi.fn((url: string) => jsonReply({ members: url.includes('q=') ? [] : [budi], total: url.includes('q=') ? 0 : 1 }));
    vi.stubGlobal('fetch', fetch);
    render(<MembersPage />);
    expect(await screen.findByText('Budi Santoso')).toBeTruthy();
    expect(screen.getByText('6281234567890')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tambah member' })).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Cari nama atau nomor HP'), { target: { value: 'Siti' } });
    expect(await screen.findByText('Tidak ada member yang cocok dengan "Siti".', {}, { timeout: 3000 })).toBeTruthy();
    expect(fetch.mock.calls.some(([url]) => String(url).includes('q=Siti'))).toBe(true);
  });

  it('hides the add button without members.manage', async () => {
    signedIn.value = { ...admin, role: 'operator', permissions: ['members.view'] };
    vi.stubGlobal('fetch', vi.fn(() => jsonReply({ members: [budi], total: 1 })));
    render(<MembersPage />);
    await screen.findByText('Budi Santoso');
    expect(screen.queryByRole('button', { name: 'Tambah member' })).toBeNull();
  });
});

describe('MemberFormDialog', () => {
  it('shows how the phone will be stored and puts phone_taken under the phone field', async () => {
    signedIn.value = admin;
    const fetch = vi.fn(() => jsonReply({ error: { code: 'phone_taken', message: '6281234567890 belongs to member 7' } }, 409));
    vi.stubGlobal('fetch', fetch);
    render(<MemberFormDialog onClose={() => {}} onSaved={() => {}} />);
    fireEvent.input(screen.getByLabelText('Nama'), { target: { value: 'Siti Aminah' } });
    fireEvent.input(screen.getByLabelText('Nomor HP'), { target: { value: '0812-3456-7890' } });
    expect(screen.getByText('Disimpan sebagai 6281234567890')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Buat' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Nomor HP sudah terdaftar.'));
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ name: 'Siti Aminah', phone: '0812-3456-7890', notes: '' });
    // The user's input stays for a correction.
    expect((screen.getByLabelText('Nomor HP') as HTMLInputElement).value).toBe('0812-3456-7890');
  });

  it('refuses to send a phone the host would refuse', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(<MemberFormDialog onClose={() => {}} onSaved={() => {}} />);
    fireEvent.input(screen.getByLabelText('Nama'), { target: { value: 'Siti' } });
    fireEvent.input(screen.getByLabelText('Nomor HP'), { target: { value: '0812' } });
    fireEvent.click(screen.getByRole('button', { name: 'Buat' }));
    expect(screen.getByRole('alert').textContent).toMatch(/8–15 angka/);
    expect(fetch).not.toHaveBeenCalled();
  });
});
