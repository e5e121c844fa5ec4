import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PluginInfo } from '../../api/types';
import { user } from '../../auth/auth';
import { testUser } from '../../test_support/fixtures';
import { cascadeOf } from './plugin_cascade';
import { PluginsPage } from './plugins_page';

function plugin(id: string, name: string, extra: Partial<PluginInfo> = {}): PluginInfo {
  return {
    id, name, version: '1.0.0', description: `${name} plugin`, state: 'running', reason: '', enabled: true,
    requires: [], required_by: [], permissions: [], web: null, sdk_abi: '1.0',
    bus: { delivered: 12, dropped: 0, queued: 0 }, routes: 2, websockets: 0, connections: 0, ...extra,
  };
}

const echo = plugin('fixture-echo', 'Fixture Echo', {
  required_by: ['fixture-dependent'],
  permissions: [{ name: 'fixture.use', label: 'Use the echo fixture' }],
  web: { title: 'Echo', path: '/index.html' },
});
const dependent = plugin('fixture-dependent', 'Fixture Dependent', { requires: ['fixture-echo'], required_by: ['third'] });
const third = plugin('third', 'Third', { requires: ['fixture-dependent'], enabled: false, state: 'stopped' });
const broken = plugin('adb-control', 'ADB Control', { state: 'faulted', reason: 'start: adb is not installed' });

describe('cascadeOf', () => {
  it('finds enabled dependents when turning off, and what is not running when turning on', () => {
    expect(cascadeOf([echo, dependent, third], 'fixture-echo', false).map((p) => p.id)).toEqual(['fixture-dependent']);
    const stopped = [{ ...echo, enabled: false, state: 'stopped' }, { ...dependent, enabled: false, state: 'stopped' }, third];
    expect(cascadeOf(stopped, 'third', true).map((p) => p.id)).toEqual(['fixture-dependent', 'fixture-echo']);
  });
});

const admin = testUser();

describe('PluginsPage', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows state, fault, page link, and offers the cascade the host asks for', async () => {
    user.value = admin;
    const puts: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn((_url: string, init: RequestInit) => {
      if (init.method === 'PUT') {
        const body = JSON.parse(String(init.body));
        puts.push(body);
        if (!body.cascade) {
          return Promise.resolve(new Response(JSON.stringify({
            error: { code: 'plugin_required_by', message: 'fixture-dependent requires fixture-echo; disable them first or use cascade' },
          }), { status: 409 }));
        }
        return Promise.resolve(new Response(JSON.stringify({ ...echo, enabled: false }), { status: 200 }));
      }
      return Promise.resolve(new Response(JSON.stringify({ plugins: [echo, dependent, broken] }), { status: 200 }));
    }));
    render(<PluginsPage />);
    expect(await screen.findByText('start: adb is not installed')).toBeTruthy();
    expect(screen.getByText('Bermasalah')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Punya halaman: Echo' }).getAttribute('href')).toBe('#/p/fixture-echo');
    fireEvent.click(screen.getByRole('switch', { name: /Fixture Echo/ }));
    expect(await screen.findByText('Fixture Dependent membutuhkan Fixture Echo dan ikut dimatikan.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Matikan semuanya' }));
    await waitFor(() => expect(puts).toEqual([{ enabled: false }, { enabled: false, cascade: true }]));
  });

  it('opens the config form and shows the host refusal on its field', async () => {
    user.value = admin;
    vi.stubGlobal('fetch', vi.fn((url: string, init: RequestInit) => {
      if (init.method === 'PUT') {
        return Promise.resolve(new Response(JSON.stringify({
          error: { code: 'invalid_config', message: '$.greeting must be at most 40 characters long' },
        }), { status: 400 }));
      }
      if (url.endsWith('/config')) {
        return Promise.resolve(new Response(JSON.stringify({
          config: { greeting: 'halo' },
          schema: { type: 'object', properties: { greeting: { type: 'string', maxLength: 400 }, max_items: { type: 'integer', default: 10, minimum: 1, maximum: 100 } } },
        }), { status: 200 }));
      }
      return Promise.resolve(new Response(JSON.stringify({ plugins: [echo] }), { status: 200 }));
    }));
    render(<PluginsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Atur Fixture Echo' }));
    const maxItems = (await screen.findByLabelText('max_items')) as HTMLInputElement;
    expect(maxItems.value).toBe('10');
    fireEvent.input(maxItems, { target: { value: '0' } });
    expect(await screen.findByText('Minimal 1.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Simpan' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(maxItems, { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(screen.getByLabelText('greeting').getAttribute('aria-invalid')).toBe('true'));
  });
});
