import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import type { Package, Station, TvDevice } from '../../api/types';
import { user as signedIn } from '../../auth/auth';
import { setLang } from '../../i18n/i18n';
import { testUser } from '../../test_support/fixtures';
import { PairDialog } from './pair_dialog';
import { changedFields, formOf, problemsOf, stationBody, tariffOptions, validCode, validIp } from './station_form';
import { StationsPage } from './stations_page';
import { displayCode, normalizeCode, pluginNotRunning, tvErrorMessage } from './tv_api';

function station(overrides: Partial<Station> = {}): Station {
  return {
    id: 1, code: 'TV01', name: 'PS4 Pojok', console_type: 'PS4', tariff_package_id: 4, ip_address: '192.168.1.21', enabled: true,
    maintenance: false, created_at: '', updated_at: '', state: 'locked', tv_online: null, session: null, ...overrides,
  };
}

function device(overrides: Partial<TvDevice> = {}): TvDevice {
  return {
    id: 7, name: '', state: 'pending', station_id: null, station_code: null, pairing_code: '483915', ip: '192.168.1.50',
    user_agent: 'Android TV', online: true, first_seen_at_ms: Date.parse('2026-11-21T03:00:00Z'),
    last_seen_at_ms: Date.parse('2026-11-21T03:00:00Z'), paired_at_ms: null, ...overrides,
  };
}

const admin = testUser();

type Route = (url: string, init: RequestInit) => Response | undefined;
function stubFetch(route: Route) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined });
    return route(url, init) ?? new Response(JSON.stringify({ error: { code: 'not_found', message: url } }), { status: 404 });
  }));
  return calls;
}
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

beforeEach(() => setLang('id'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  signedIn.value = null;
});

describe('the station form', () => {
  it('checks codes and IP addresses as the host does', () => {
    expect(validCode('TV01')).toBe(true);
    expect(validCode('ps5-vip_2')).toBe(true);
    expect(validCode('')).toBe(false);
    expect(validCode('TV 01')).toBe(false);
    expect(validCode('A'.repeat(17))).toBe(false);
    expect(validIp('')).toBe(true);
    expect(validIp('192.168.1.21')).toBe(true);
    expect(validIp('256.1.1.1')).toBe(false);
    expect(validIp('192.168.01.1')).toBe(false);
    expect(validIp('fe80::1')).toBe(true);
    expect(validIp('tv.local')).toBe(false);
    expect(problemsOf({ ...formOf(null), code: 'x y', ip_address: '1.2.3' })).toEqual({ code: 'code_invalid', ip_address: 'ip_invalid' });
  });

  it('sends a whole new station, and only the changed fields of an edit', () => {
    expect(stationBody({ ...formOf(null), code: ' tv09 ', ip_address: ' ' })).toEqual({
      code: 'tv09', name: '', console_type: 'PS4', tariff_package_id: null, ip_address: null, enabled: true, maintenance: false,
    });
    const existing = station();
    expect(changedFields(existing, formOf(existing))).toEqual({});
    expect(changedFields(existing, { ...formOf(existing), code: 'PS4-A', maintenance: true, ip_address: '' }))
      .toEqual({ code: 'PS4-A', maintenance: true, ip_address: null });
  });

  it('offers the active open-play packages of the console type as tariffs', () => {
    const base = { duration_minutes: null, night_price: null, night_from: null, night_until: null, rounding_minutes: 15, minimum_charge: 0, created_at: '', updated_at: '' };
    const packages: Package[] = [
      { ...base, id: 1, name: 'Bebas PS4', console_type: 'PS4', kind: 'open', price: 8000, active: true },
      { ...base, id: 2, name: 'Bebas semua', console_type: 'any', kind: 'open', price: 9000, active: true },
      { ...base, id: 3, name: 'Bebas lama', console_type: 'PS4', kind: 'open', price: 7000, active: false },
      { ...base, id: 4, name: '1 Jam', console_type: 'PS4', kind: 'fixed', duration_minutes: 60, price: 10000, active: true },
      { ...base, id: 5, name: 'Bebas PS5', console_type: 'PS5', kind: 'open', price: 12000, active: true },
    ];
    expect(tariffOptions(packages, 'PS4').map((p) => p.id)).toEqual([1, 2]);
  });
});

describe('TV pairing helpers', () => {
  it('reads and shows pairing codes', () => {
    expect(normalizeCode(' 483 915 ')).toBe('483915');
    expect(displayCode('483915')).toBe('483 915');
    expect(displayCode('483 915')).toBe('483 915');
    expect(displayCode(null)).toBe('');
  });

  it('knows a stopped plugin and words its errors', () => {
    expect(pluginNotRunning(new ApiError(404, 'not_found', 'x'))).toBe(true);
    expect(pluginNotRunning(new ApiError(503, 'plugin_unavailable', 'x'))).toBe(true);
    expect(pluginNotRunning(new ApiError(409, 'device_revoked', 'x'))).toBe(false);
    expect(tvErrorMessage(new ApiError(409, 'auto_add_disabled', 'x'))).toContain('otomatis dimatikan');
    expect(tvErrorMessage(new ApiError(404, 'pairing_code_not_found', 'x'))).toContain('Kode pemasangan tidak ditemukan');
  });
});

describe('the pairing dialog', () => {
  it('pairs by the code typed, onto a chosen station, with a name', async () => {
    const calls = stubFetch((url) => (url.endsWith('/pairings') ? json(device({ state: 'paired', station_code: 'TV02' })) : undefined));
    const closed = vi.fn();
    render(<PairDialog device={null} initialCode="483915" stations={[station(), station({ id: 2, code: 'TV02', tv_online: true })]} onClose={closed} />);
    expect((screen.getByLabelText('Kode pemasangan') as HTMLInputElement).value).toBe('483 915');
    expect(screen.getByRole('option', { name: 'TV02 · sudah ada TV (akan diganti)' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Ke stasiun'), { target: { value: 'TV02' } });
    fireEvent.input(screen.getByLabelText('Nama TV'), { target: { value: 'TV depan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pasangkan' }));
    await waitFor(() => expect(closed).toHaveBeenCalled());
    expect(calls).toEqual([{ url: '/api/v1/plugins/tv-websocket/pairings', method: 'POST', body: { code: '483915', station_code: 'TV02', name: 'TV depan' } }]);
  });

  it('re-pairs a known TV through its id and keeps the error in the dialog', async () => {
    const calls = stubFetch(() => json({ error: { code: 'device_revoked', message: 'revoked' } }, 409));
    render(<PairDialog device={device({ state: 'unpaired', name: 'TV depan' })} stations={[station()]} onClose={() => {}} />);
    expect(screen.queryByLabelText('Kode pemasangan')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pasangkan' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('sudah dicabut'));
    expect(calls[0].url).toBe('/api/v1/plugins/tv-websocket/devices/7/pair');
    expect(calls[0].body).toEqual({ name: 'TV depan' });
  });

  it('refuses a code that is not six digits', () => {
    stubFetch(() => undefined);
    render(<PairDialog device={null} initialCode="12" stations={[]} onClose={() => {}} />);
    expect((screen.getByRole('button', { name: 'Pasangkan' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the stations page', () => {
  it('lists stations and pending TVs, and opens the pairing dialog from a TV link', async () => {
    signedIn.value = admin;
    stubFetch((url) => {
      if (url === '/api/v1/stations') return json({ stations: [station()], server_time: '2026-11-21T03:00:00.000Z' });
      if (url === '/api/v1/packages') return json({ packages: [] });
      if (url.endsWith('/devices')) return json({ devices: [device(), device({ id: 8, state: 'paired', name: 'TV pojok', station_code: 'TV01', pairing_code: null })] });
      return undefined;
    });
    render(<StationsPage pairingCode="483915" />);
    await waitFor(() => expect(screen.getByRole('article', { name: 'Kode pemasangan 483 915' })).toBeTruthy());
    expect(screen.getByText('TV pojok')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect((screen.getByLabelText('Kode pemasangan') as HTMLInputElement).value).toBe('483 915');
  });

  it('says when the TV plugin is not running', async () => {
    signedIn.value = admin;
    stubFetch((url) => {
      if (url === '/api/v1/stations') return json({ stations: [], server_time: '2026-11-21T03:00:00.000Z' });
      if (url === '/api/v1/packages') return json({ packages: [] });
      return json({ error: { code: 'plugin_unavailable', message: 'stopped' } }, 503);
    });
    render(<StationsPage />);
    await waitFor(() => expect(screen.getByText(/Plugin TV \(tv-websocket\) tidak berjalan/)).toBeTruthy());
    expect(screen.getByRole('link', { name: 'Buka halaman Plugin' }).getAttribute('href')).toBe('#/plugins');
  });
});
