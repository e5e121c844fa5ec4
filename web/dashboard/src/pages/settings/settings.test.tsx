import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../api/types';
import { user } from '../../auth/auth';
import { setLang } from '../../i18n/i18n';
import { DEFAULT_SETTINGS } from '../../shop/settings';
import { testUser } from '../../test_support/fixtures';
import { draftOf, draftProblems, fieldOfHostMessage, normalisePhone, parseWarningMinutes, settingsChanges } from './settings_form';
import { SettingsPage } from './settings_page';

const current: Settings = { ...DEFAULT_SETTINGS, shop_name: 'Rental PS Pak Ikbal', whatsapp_number: '6281234567890' };

describe('settings form rules', () => {
  it('normalises phone numbers as the host does', () => {
    expect(normalisePhone('0812-3456-7890')).toEqual({ digits: '6281234567890' });
    expect(normalisePhone('+62 812 3456 7890')).toEqual({ digits: '6281234567890' });
    expect(normalisePhone('0812')).toEqual({ problem: 'length' });
    expect(normalisePhone('0812a')).toEqual({ problem: 'characters' });
  });

  it('reads warning minutes', () => {
    expect(parseWarningMinutes('1, 5 10')).toEqual([10, 5, 1]);
    expect(parseWarningMinutes('')).toEqual([]);
    expect(parseWarningMinutes('5, 5')).toBeNull();
    expect(parseWarningMinutes('0')).toBeNull();
    expect(parseWarningMinutes('61')).toBeNull();
    expect(parseWarningMinutes('1,2,3,4,5,6')).toBeNull();
    expect(parseWarningMinutes('1.5')).toBeNull();
  });

  it('words every bad field', () => {
    setLang('en');
    const problems = draftProblems({
      ...draftOf(current),
      shop_name: '  ',
      whatsapp_number: '12',
      time_zone: '../etc/passwd',
      currency_symbol: 'RUPIAHRUPIAH',
      business_day_start: '24:00',
      session_warning_minutes: '5, 5',
      session_max_pause_minutes: '121',
    });
    expect(problems).toEqual({
      shop_name: '1–80 characters on one line.',
      whatsapp_number: 'A phone number of 8–15 digits (e.g. 081234567890), or empty.',
      time_zone: 'An IANA time zone name, e.g. Asia/Jakarta.',
      currency_symbol: '1–8 characters.',
      business_day_start: 'A time HH:MM from 00:00 to 23:59.',
      session_warning_minutes: 'Up to 5 different minutes from 1 to 60, e.g. 5, 1.',
      session_max_pause_minutes: 'Whole minutes from 1 to 120.',
    });
    expect(draftProblems(draftOf(current))).toEqual({});
    setLang('id');
  });

  it('sends only the keys that changed', () => {
    const unchanged = { ...draftOf(current), whatsapp_number: '0812 3456 7890', session_warning_minutes: '1, 5' };
    expect(settingsChanges(unchanged, current)).toEqual({});
    expect(settingsChanges({ ...unchanged, shop_name: ' Rental Baru ', thousands_separator: ',' }, current)).toEqual({
      shop_name: 'Rental Baru',
      currency: { symbol: 'Rp', thousands_separator: ',' },
    });
    expect(settingsChanges({ ...unchanged, whatsapp_number: '', session_max_pause_minutes: '15' }, current)).toEqual({
      whatsapp_number: '',
      session_max_pause_minutes: 15,
    });
  });

  it('finds the field of a host refusal', () => {
    expect(fieldOfHostMessage('currency.symbol must be 1 to 8 characters on one line')).toBe('currency_symbol');
    expect(fieldOfHostMessage('time_zone must be an IANA time zone name such as Asia/Jakarta')).toBe('time_zone');
    expect(fieldOfHostMessage('something')).toBeNull();
  });
});

const operator = testUser({ id: 2, username: 'kasir1', display_name: 'Siti', role: 'operator', permissions: ['settings.manage'] });

describe('SettingsPage', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('puts the changed key only and shows the host refusal on its field', async () => {
    user.value = operator;
    const puts: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn((_url: string, init: RequestInit) => {
      if (init.method === 'PUT') {
        puts.push(JSON.parse(String(init.body)));
        return Promise.resolve(new Response(JSON.stringify({ error: { code: 'invalid_field', message: 'time_zone must be an IANA time zone name such as Asia/Jakarta (Asia/Nowhere is not one)' } }), { status: 400 }));
      }
      return Promise.resolve(new Response(JSON.stringify(current), { status: 200 }));
    }));
    render(<SettingsPage />);
    const zone = await screen.findByLabelText('Zona waktu');
    fireEvent.change(zone, { target: { value: '' } });
    fireEvent.input(screen.getByLabelText('Nama zona waktu (IANA)'), { target: { value: 'Asia/Nowhere' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan pengaturan' }));
    await waitFor(() => expect(puts).toEqual([{ time_zone: 'Asia/Nowhere' }]));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent)).toContain('time_zone must be an IANA time zone name such as Asia/Jakarta (Asia/Nowhere is not one)');
    expect(screen.getByLabelText('Nama zona waktu (IANA)').getAttribute('aria-invalid')).toBe('true');
  });

  it('is read-only without settings.manage', async () => {
    user.value = { ...operator, permissions: [] };
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify(current), { status: 200 }))));
    render(<SettingsPage />);
    expect(((await screen.findByLabelText('Nama toko')) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Simpan pengaturan' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Ganti kata sandi' })).toBeTruthy();
  });
});
