import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../api/types';
import { navigate } from '../../router/router';
import { auditQuery, filterProblems, filtersOf, statusTone, wallTimeToInstant } from './audit_query';
import { AuditPage } from './audit_page';

describe('audit filters', () => {
  it('reads the filters from the URL', () => {
    expect(filtersOf(new URLSearchParams('actor=kasir1&status=403'))).toEqual({
      from: '', to: '', actor: 'kasir1', action: '', target: '', status: '403',
    });
  });

  it('turns shop wall times into instants', () => {
    expect(wallTimeToInstant('2026-11-21T08:00', 'Asia/Jakarta')?.toISOString()).toBe('2026-11-21T01:00:00.000Z');
    expect(wallTimeToInstant('2026-11-21T08:00', 'Asia/Jayapura')?.toISOString()).toBe('2026-11-20T23:00:00.000Z');
    // Across a daylight-saving change the offset of that moment is used.
    expect(wallTimeToInstant('2026-07-01T12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(wallTimeToInstant('2026-01-01T12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-01-01T11:00:00.000Z');
    expect(wallTimeToInstant('yesterday', 'Asia/Jakarta')).toBeNull();
  });

  it('builds the API query with paging', () => {
    const filters = { from: '2026-11-21T08:00', to: '', actor: ' admin ', action: '', target: 'user:2', status: '409' };
    expect(auditQuery(filters, 'Asia/Jakarta', 120)).toBe(
      '?from=2026-11-21T01%3A00%3A00.000Z&actor=admin&target=user%3A2&status=409&before_id=120&limit=50',
    );
  });

  it('checks status and range', () => {
    const none = { from: '', to: '', actor: '', action: '', target: '', status: '' };
    expect(filterProblems(none, 'Asia/Jakarta')).toEqual({});
    expect(filterProblems({ ...none, status: '99' }, 'Asia/Jakarta')).toEqual({ status: 'bad_status' });
    expect(filterProblems({ ...none, from: '2026-11-22T00:00', to: '2026-11-21T00:00' }, 'Asia/Jakarta')).toEqual({ to: 'bad_range' });
  });

  it('colours statuses', () => {
    expect([200, 204, 304, 403, 409, 500].map(statusTone)).toEqual(['success', 'success', 'info', 'warning', 'warning', 'danger']);
  });
});

const entry = (id: number, status = 200): AuditEntry => ({
  id, at: '2026-11-21T03:04:05.678Z', actor: 'admin', action: 'users.update', target: `user:${id}`, method: 'PUT',
  path: `/api/v1/users/${id}`, status, remote_address: '127.0.0.1', details: { changed: ['permissions'] },
});

describe('AuditPage', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('pages with before_id and expands details', async () => {
    navigate('/audit?actor=admin');
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn((url: string) => {
      urls.push(url);
      const body = url.includes('before_id=5') ? { entries: [entry(4, 409)], next_before_id: null } : { entries: [entry(6), entry(5)], next_before_id: 5 };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    }));
    render(<AuditPage />);
    expect(await screen.findByText('user:6')).toBeTruthy();
    expect(urls[0]).toBe('/api/v1/audit?actor=admin&limit=50');
    fireEvent.click(screen.getByRole('button', { name: 'Muat lebih banyak' }));
    expect(await screen.findByText('user:4')).toBeTruthy();
    expect(urls[1]).toBe('/api/v1/audit?actor=admin&before_id=5&limit=50');
    expect(screen.getByText('Semua catatan sudah ditampilkan.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lihat rincian #4' }));
    await waitFor(() => expect(document.querySelector('pre')?.textContent).toContain('"permissions"'));
  });
});
