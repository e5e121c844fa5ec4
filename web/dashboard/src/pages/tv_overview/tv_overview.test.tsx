import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Package, Session, Station } from '../../api/types';
import { user as signedIn } from '../../auth/auth';
import { sessionTimes, syncServerTime, serverNow } from '../../components/countdown';
import { setLang } from '../../i18n/i18n';
import { parseMinutes } from './extend_dialog';
import { moveTargets } from './move_dialog';
import { extensionPrice, fitsConsole, inNightWindow, localMinuteOfDay, openPlayCharge, rateAt } from '../../pricing/tariff';
import { testUser } from '../../test_support/fixtures';
import { memberPackages, startRequest, walkInPackages } from './start_dialog';
import { StationCard } from './station_card';
import { canStartOn, summarize, urgencyOf } from './station_status';
import { StopDialog } from './stop_dialog';

const ZONE = 'Asia/Jakarta';
// 2026-11-21 10:00 in Jakarta (UTC+7).
const MORNING = Date.parse('2026-11-21T03:00:00Z');
// 2026-11-21 23:30 in Jakarta.
const NIGHT = Date.parse('2026-11-21T16:30:00Z');

function pkg(overrides: Partial<Package>): Package {
  return {
    id: 1, name: '1 Jam', console_type: 'any', kind: 'fixed', duration_minutes: 60, price: 10000, night_price: null,
    night_from: null, night_until: null, rounding_minutes: 1, minimum_charge: 0, active: true,
    created_at: '', updated_at: '', ...overrides,
  };
}

function session(overrides: Partial<Session>): Session {
  return {
    id: 41, station_id: 1, station_code: 'TV01', member_id: null, member_name: null, package_id: 1, package_name: '1 Jam',
    kind: 'fixed', payment: 'cash', started_by: 'admin', business_day: '2026-11-21', started_at: '2026-11-21T03:00:00.000Z',
    deadline_at: '2026-11-21T04:00:00.000Z', paused_at: null, paused_ms: 0, ended_at: null, end_reason: null, ended_by: null,
    amount: 10000, state: 'running', remaining_ms: 3_600_000, played_ms: 0, ...overrides,
  };
}

function station(overrides: Partial<Station>): Station {
  return {
    id: 1, code: 'TV01', name: 'PS4 Pojok', console_type: 'PS4', tariff_package_id: null, ip_address: null, enabled: true,
    maintenance: false, created_at: '', updated_at: '', state: 'locked', tv_online: true, session: null, ...overrides,
  };
}

function signIn(role: 'admin' | 'operator', permissions: string[] = []): void {
  signedIn.value = testUser({ id: 2, username: 'kasir1', display_name: 'Kasir', role, permissions });
}

beforeEach(() => setLang('id'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  signedIn.value = null;
});

describe('prices as the host computes them', () => {
  const night = pkg({ night_price: 15000, night_from: '22:00', night_until: '06:00' });

  it('finds the local minute and the night window across midnight', () => {
    expect(localMinuteOfDay(MORNING, ZONE)).toBe(600);
    expect(inNightWindow(night, 23 * 60)).toBe(true);
    expect(inNightWindow(night, 5 * 60 + 59)).toBe(true);
    expect(inNightWindow(night, 6 * 60)).toBe(false);
    expect(rateAt(night, MORNING, ZONE)).toBe(10000);
    expect(rateAt(night, NIGHT, ZONE)).toBe(15000);
  });

  it('charges open play in whole blocks, each at the rate of its start, at least the minimum', () => {
    const open = pkg({ kind: 'open', duration_minutes: null, price: 8000, rounding_minutes: 15 });
    expect(openPlayCharge(open, MORNING, 0, ZONE)).toBe(0);
    expect(openPlayCharge(open, MORNING, 1000, ZONE)).toBe(2000);
    expect(openPlayCharge(open, MORNING, 15 * 60_000 + 1, ZONE)).toBe(4000);
    expect(openPlayCharge({ ...open, minimum_charge: 5000 }, MORNING, 1000, ZONE)).toBe(5000);
    // 21:45-22:00 at the day rate, 22:00-22:15 at night: 2000 + 3000.
    const mixed = { ...open, night_price: 12000, night_from: '22:00', night_until: '06:00' };
    expect(openPlayCharge(mixed, Date.parse('2026-11-21T14:45:00Z'), 30 * 60_000, ZONE)).toBe(5000);
  });

  it('prices extra minutes pro rata, rounded up', () => {
    expect(extensionPrice(pkg({}), MORNING, 15, ZONE)).toBe(2500);
    expect(extensionPrice(pkg({ price: 7000 }), MORNING, 7, ZONE)).toBe(817);
    expect(extensionPrice(pkg({ night_price: 15000, night_from: '22:00', night_until: '06:00' }), NIGHT, 30, ZONE)).toBe(7500);
  });

  it('fits a package to a console type', () => {
    expect(fitsConsole({ console_type: 'any' }, 'PS5')).toBe(true);
    expect(fitsConsole({ console_type: 'PS4' }, 'PS4')).toBe(true);
    expect(fitsConsole({ console_type: 'PS4' }, 'PS5')).toBe(false);
  });
});

describe('the shared clock', () => {
  it('counts a running session down from the snapshot and stands a paused one still', () => {
    const running = session({ remaining_ms: 60_000, played_ms: 1000 });
    expect(sessionTimes(running, 1_000_000, 1_010_000)).toEqual({ remainingMs: 50_000, playedMs: 11_000 });
    expect(sessionTimes(running, 1_000_000, 1_100_000).remainingMs).toBe(0);
    expect(sessionTimes({ ...running, state: 'paused' }, 1_000_000, 1_010_000)).toEqual({ remainingMs: 60_000, playedMs: 1000 });
    expect(sessionTimes(session({ remaining_ms: null, played_ms: 5000 }), 0, 2000)).toEqual({ remainingMs: null, playedMs: 7000 });
  });

  it('follows the host clock, not the browser clock', () => {
    syncServerTime('2026-11-21T03:00:10.000Z', Date.parse('2026-11-21T03:00:00.000Z'));
    expect(serverNow(Date.parse('2026-11-21T03:00:01.000Z'))).toBe(Date.parse('2026-11-21T03:00:11.000Z'));
    syncServerTime('not a time', 0);
    expect(serverNow(0)).toBe(10_000);
  });
});

describe('station states', () => {
  it('is ending soon from the largest warning and critical in the last minute', () => {
    expect(urgencyOf('active', 6 * 60_000, [5, 1])).toBe('none');
    expect(urgencyOf('active', 5 * 60_000, [5, 1])).toBe('ending');
    expect(urgencyOf('active', 9 * 60_000, [1, 10])).toBe('ending');
    expect(urgencyOf('active', 60_000, [5, 1])).toBe('critical');
    expect(urgencyOf('paused', 30_000, [5, 1])).toBe('none');
    expect(urgencyOf('active', null, [5, 1])).toBe('none');
  });

  it('counts playing, free and dark stations', () => {
    const stations = [
      station({ state: 'active', session: session({}) }),
      station({ state: 'paused', session: session({ state: 'paused' }), tv_online: false }),
      station({ state: 'locked' }),
      station({ state: 'offline', tv_online: false }),
      station({ state: 'maintenance' }),
      station({ state: 'disabled', enabled: false, tv_online: false }),
    ];
    expect(summarize(stations)).toEqual({ active: 2, free: 2, tvOffline: 2 });
    expect(canStartOn(station({ state: 'maintenance' }))).toBe(false);
  });
});

describe('start, extend and move choices', () => {
  const packages = [
    pkg({ id: 1, name: '1 Jam' }),
    pkg({ id: 2, name: 'PS5 2 Jam', console_type: 'PS5' }),
    pkg({ id: 3, name: 'Lama', active: false }),
    pkg({ id: 4, name: 'Main Bebas', kind: 'open', duration_minutes: null }),
    pkg({ id: 5, name: '3 Jam' }),
  ];

  it('offers walk-ins the active fixed packages of the console', () => {
    expect(walkInPackages(packages, { console_type: 'PS4' }).map((p) => p.id)).toEqual([1, 5]);
    expect(walkInPackages(packages, { console_type: 'PS5' }).map((p) => p.id)).toEqual([1, 2, 5]);
  });

  it('offers a member only the fitting packages they hold units of', () => {
    const member = {
      id: 7, name: 'Budi', phone: '62812', notes: '', created_at: '', updated_at: '',
      balances: [{ package_id: 2, package: 'PS5 2 Jam', units: 3 }, { package_id: 5, package: '3 Jam', units: 0 }, { package_id: 1, package: '1 Jam', units: 1 }],
    };
    expect(memberPackages(packages, { console_type: 'PS4' }, member).map((p) => p.id)).toEqual([1]);
    expect(memberPackages(packages, { console_type: 'PS5' }, member).map((p) => p.id)).toEqual([1, 2]);
    expect(memberPackages(packages, { console_type: 'PS5' }, null)).toEqual([]);
  });

  it('builds the start request of each mode', () => {
    expect(startRequest('package', 3, 1, null)).toEqual({ station_id: 3, package_id: 1 });
    expect(startRequest('open', 3, null, null)).toEqual({ station_id: 3 });
    expect(startRequest('member', 3, 2, 7)).toEqual({ station_id: 3, package_id: 2, member_id: 7, use_balance: true });
  });

  it('reads whole minutes 1..1440', () => {
    expect(parseMinutes('30')).toBe(30);
    expect(parseMinutes(' 15 ')).toBe(15);
    expect(parseMinutes('0')).toBeNull();
    expect(parseMinutes('1441')).toBeNull();
    expect(parseMinutes('1.5')).toBeNull();
    expect(parseMinutes('')).toBeNull();
  });

  it('moves only to free stations whose console fits the package', () => {
    const from = station({ id: 1, code: 'TV01', state: 'active' });
    const stations = [
      from,
      station({ id: 2, code: 'TV02', state: 'locked' }),
      station({ id: 3, code: 'TV03', state: 'active' }),
      station({ id: 4, code: 'TV04', state: 'offline' }),
      station({ id: 5, code: 'TV05', state: 'locked', console_type: 'PS5' }),
      station({ id: 6, code: 'TV06', state: 'maintenance' }),
    ];
    expect(moveTargets(stations, from, { console_type: 'PS4' }).map((s) => s.code)).toEqual(['TV02', 'TV04']);
    expect(moveTargets(stations, from, { console_type: 'any' }).map((s) => s.code)).toEqual(['TV02', 'TV04', 'TV05']);
  });
});

describe('the station card', () => {
  const noop = () => {};

  it('shows the countdown, the member and only the allowed controls', () => {
    signIn('operator', ['sessions.view', 'sessions.start', 'sessions.extend']);
    const live = station({ state: 'active', session: session({ member_name: 'Budi Santoso', remaining_ms: 4 * 60_000 }) });
    render(<StationCard station={live} snapshotAt={serverNow()} packages={new Map()} busy={false} onAction={noop} />);
    expect(screen.getByTestId('countdown').textContent).toMatch(/^(4:00|3:5\d)$/);
    expect(screen.getByText('Budi Santoso')).toBeTruthy();
    expect(screen.getByText('Segera habis')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tambah waktu' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pindah' })).toBeNull();
    expect(document.querySelector('[data-slot="tv-controls"]')).not.toBeNull();
  });

  it('shouts when the TV drops during a session, and offers no extension for open play', () => {
    signIn('admin');
    const open = pkg({ id: 9, kind: 'open', duration_minutes: null, price: 8000, rounding_minutes: 15 });
    const live = station({
      state: 'active', tv_online: false,
      session: session({ package_id: 9, kind: 'open', remaining_ms: null, deadline_at: null, played_ms: 60_000, amount: 0 }),
    });
    const actions: string[] = [];
    render(<StationCard station={live} snapshotAt={serverNow()} packages={new Map([[9, open]])} busy={false}
      onAction={(action) => actions.push(action)} />);
    expect(screen.getByRole('alert').textContent).toContain('TV terputus saat sesi berjalan');
    expect(screen.getByTestId('amount').textContent).toBe('Rp 2.000');
    expect(screen.queryByRole('button', { name: 'Tambah waktu' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(actions).toEqual(['stop']);
  });

  it('offers Start on a free station only with sessions.start', () => {
    signIn('operator', ['sessions.view']);
    render(<StationCard station={station({})} snapshotAt={0} packages={new Map()} busy={false} onAction={noop} />);
    expect(screen.queryByRole('button', { name: 'Mulai' })).toBeNull();
  });
});

describe('the stop dialog', () => {
  it('stops and shows the amount to collect, keeping errors in the dialog', async () => {
    signIn('admin');
    const calls: { url: string; body: unknown }[] = [];
    let fail = true;
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)) });
      if (fail) {
        fail = false;
        return new Response(JSON.stringify({ error: { code: 'session_ended', message: 'ended' } }), { status: 409 });
      }
      return new Response(JSON.stringify({ ...session({ state: 'ended', played_ms: 1_800_000 }), amount_due: 12000, refunded_unit: false }), { status: 200 });
    }));
    const live = station({ state: 'active', session: session({ kind: 'open', remaining_ms: null, amount: 0 }) });
    render(<StopDialog station={live} session={live.session!} packages={new Map()} playedMs={1_800_000} onClose={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Hentikan' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Sesi sudah berakhir.'));
    fireEvent.click(screen.getByRole('button', { name: 'Hentikan' }));
    await waitFor(() => expect(screen.getByTestId('stop-result').textContent).toContain('Tagih Rp 12.000'));
    expect(calls.map((call) => call.url)).toEqual(['/api/v1/sessions/41/stop', '/api/v1/sessions/41/stop']);
    expect(calls[1].body).toEqual({});
  });

  it('offers a member their unit back', async () => {
    signIn('admin');
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ ...session({ state: 'ended', member_name: 'Budi' }), amount_due: 0, refunded_unit: true }), { status: 200 });
    }));
    const live = station({ state: 'active', session: session({ payment: 'balance', member_id: 7, member_name: 'Budi', amount: 0 }) });
    render(<StopDialog station={live} session={live.session!} packages={new Map()} playedMs={0} onClose={() => {}} />);
    fireEvent.click(screen.getByLabelText('Kembalikan 1 unit ke saldo member'));
    fireEvent.click(screen.getByRole('button', { name: 'Hentikan' }));
    await waitFor(() => expect(screen.getByTestId('stop-result').textContent).toContain('1 unit dikembalikan ke saldo Budi'));
    expect(bodies).toEqual([{ refund_unit: true }]);
  });
});
