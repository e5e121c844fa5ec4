import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authStatus, token } from '../../auth/auth';
import { fileNameOf, looksLikeSqlite, readableSize } from './backup_file';
import { BackupPage } from './backup_page';

describe('backup files', () => {
  it('takes the name from Content-Disposition', () => {
    expect(fileNameOf('attachment; filename="billing-20261121-030405.db"', 'x.db')).toBe('billing-20261121-030405.db');
    expect(fileNameOf(null, 'x.db')).toBe('x.db');
  });

  it('writes sizes', () => {
    expect(readableSize(512)).toBe('512 B');
    expect(readableSize(2048)).toBe('2.0 KB');
    expect(readableSize(5 * 1024 * 1024)).toBe('5.0 MB');
  });

  it('recognises an SQLite file by its first bytes', async () => {
    expect(await looksLikeSqlite(new Blob(['SQLite format 3\u0000rest']))).toBe(true);
    expect(await looksLikeSqlite(new Blob(['PK\u0003\u0004 a zip']))).toBe(false);
  });
});

describe('BackupPage', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  function pickFile(content: string) {
    const input = screen.getByLabelText('Berkas cadangan (.db)') as HTMLInputElement;
    const file = new File([content], 'billing-20261120.db');
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
  }

  it('refuses a file that is not SQLite before sending it', async () => {
    render(<BackupPage />);
    pickFile('not a database');
    expect(await screen.findByText('Berkas ini bukan basis data SQLite.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Pulihkan…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows invalid_backup with its reason', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({
      error: { code: 'invalid_backup', message: 'integrity_check failed: page 3 is never used' },
    }), { status: 400 }))));
    render(<BackupPage />);
    pickFile('SQLite format 3\u0000...');
    await waitFor(() => expect((screen.getByRole('button', { name: 'Pulihkan…' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Pulihkan…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ya, pulihkan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Cadangan ditolak: integrity_check failed: page 3 is never used');
  });

  it('signs out after a restore: every token was revoked', async () => {
    token.value = 'old-token';
    authStatus.value = 'signed_in';
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ restored: true, previous: 'data/backups/x.db' }), { status: 200 }))));
    render(<BackupPage />);
    pickFile('SQLite format 3\u0000...');
    await waitFor(() => expect((screen.getByRole('button', { name: 'Pulihkan…' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Pulihkan…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ya, pulihkan' }));
    await waitFor(() => expect(authStatus.value).toBe('signed_out'));
    expect(token.value).toBeNull();
  });
});
