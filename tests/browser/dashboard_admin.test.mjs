// The dashboard's admin pages in Chromium against the real host, with the
// product plugins and the fixture plugins fixture-echo (which has a page)
// and fixture-dependent (which requires it): an operator created through
// the permission checkboxes sees only what they may open; a settings change
// in one browser shows in the other live; turning fixture-echo off (with
// its dependent) removes its page from the sidebar; the generated config
// form refuses an out-of-range number and saves a valid one; the audit
// trail lists those changes; a backup downloads as an SQLite file; and no
// page scrolls sideways on a phone. Screenshots of users, plugins (config
// form open), settings and audit at desktop and phone sizes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { Api } from './support/api.mjs';
import {
  dashboardSkipReason, DESKTOP, horizontalOverflow, openDashboard, PHONE, screenshot, startDashboard, UI_TIMEOUT_MS,
} from './support/dashboard.mjs';
import { paths } from './support/host.mjs';

const FIXTURES = ['fixture-echo', 'fixture-dependent'];

function skipReason() {
  const reason = dashboardSkipReason();
  if (reason) return reason;
  const missing = FIXTURES.find((id) => !fs.existsSync(path.join(paths.fixturePluginsDir, id, 'plugin.json')));
  return missing ? `the fixture plugin ${missing} is not built (no ${path.join(paths.fixturePluginsDir, missing)})` : false;
}
const skip = skipReason();

// One plugins folder holding the product plugins and the two fixtures, as
// links, since the host reads a single folder.
function pluginsFolderWithFixtures() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-admin-plugins-'));
  for (const entry of fs.readdirSync(paths.pluginsDir)) {
    fs.symlinkSync(path.join(paths.pluginsDir, entry), path.join(folder, entry));
  }
  for (const id of FIXTURES) fs.symlinkSync(path.join(paths.fixturePluginsDir, id), path.join(folder, id));
  return folder;
}

// Before a screenshot: the toasts of earlier steps are closed and every
// animation and transition (a dialog rising, the drawer sliding away after
// a resize) has finished.
async function settle(page) {
  const closeToast = page.locator('.toasts').getByRole('button', { name: 'Tutup' });
  while (await closeToast.count() > 0) await closeToast.first().click();
  await page.waitForFunction(() => document.getAnimations()
    .every((animation) => animation.effect?.getTiming().iterations === Infinity || animation.playState !== 'running'));
}

async function snap(page, name) {
  await settle(page);
  await screenshot(page, name);
}

// The main sidebar entries (plugin pages aside) a user sees.
async function sidebarEntries(page) {
  const links = page.locator('.sidebar .nav__section:not([data-testid="plugin-pages"]) .nav__link');
  return (await links.allTextContents()).map((text) => text.trim());
}

test('admin pages: users and permissions, live settings, plugins, audit, backup, phone layout', { skip, timeout: 300_000 }, async (t) => {
  const pluginsDir = pluginsFolderWithFixtures();
  t.after(() => fs.rmSync(pluginsDir, { recursive: true, force: true }));

  // A shop with a few people and stations, so the pages look like a real one.
  const { host, browser, api } = await startDashboard(t, { pluginsDir });
  await api.call('PUT', '/settings', { shop_name: 'Rental PS Ikbal', whatsapp_number: '081234567890' });
  await api.call('POST', '/packages', { name: '1 Jam PS4', console_type: 'PS4', kind: 'fixed', duration_minutes: 60, price: 10000 });
  for (const [code, name] of [['TV01', 'PS4 depan'], ['TV02', 'PS4 tengah'], ['TV03', 'PS5 pojok']]) {
    await api.call('POST', '/stations', { code, name, console_type: code === 'TV03' ? 'PS5' : 'PS4' });
  }
  await api.call('POST', '/users', {
    username: 'siti', password: 'kasir-siti-01', role: 'operator', display_name: 'Siti Nurhaliza',
    permissions: ['sessions.view', 'sessions.start', 'sessions.extend', 'sessions.stop', 'members.view', 'members.manage'],
  });
  const budi = (await api.call('POST', '/users', {
    username: 'budi', password: 'kasir-budi-01', role: 'operator', display_name: 'Budi Santoso', permissions: ['sessions.view'],
  })).user;
  await api.call('PUT', `/users/${budi.id}`, { disabled: true });

  const admin = await openDashboard(browser, host, { route: '/users' });
  t.after(() => admin.context.close());
  const { page } = admin;
  let operator;

  await t.test('an operator created with the permission checkboxes sees only the allowed pages', async () => {
    await page.locator('tr[data-username="siti"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama pengguna').fill('rina');
    await dialog.getByLabel('Nama tampilan').fill('Rina Marlina');
    await dialog.getByLabel('Kata sandi').fill('kasir-rina-01');
    for (const permission of ['sessions.view', 'members.view', 'settings.manage']) {
      await dialog.getByRole('checkbox', { name: new RegExp(permission.replace('.', '\\.')) }).check();
    }
    // A plugin's permission is offered too, in its own group.
    await dialog.getByRole('group', { name: 'Plugin fixture-echo' }).getByRole('checkbox', { name: /fixture\.use/ }).waitFor();
    await snap(page, 'users-permissions');
    await dialog.getByRole('button', { name: 'Buat' }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    const row = page.locator('tr[data-username="rina"]');
    await row.getByText('Wajib ganti kata sandi').waitFor({ timeout: UI_TIMEOUT_MS });
    await row.getByText('3 izin').waitFor();
    await snap(page, 'users');

    // Rina replaces the password the admin gave her, then signs in elsewhere.
    const rina = new Api(host.baseUrl);
    rina.token = (await rina.call('POST', '/auth/login', { username: 'rina', password: 'kasir-rina-01' })).token;
    await rina.call('POST', '/auth/password', { current_password: 'kasir-rina-01', new_password: 'kasir-rina-02' });
    operator = await openDashboard(browser, host, { username: 'rina', password: 'kasir-rina-02', route: '/settings' });
    t.after(() => operator.context.close());
    assert.deepEqual(await sidebarEntries(operator.page), ['Layar TV', 'Member', 'Log sesi', 'Paket & tarif', 'Pengaturan']);
    assert.deepEqual(await sidebarEntries(page), [
      'Layar TV', 'Member', 'Log sesi', 'Laporan harian', 'Paket & tarif', 'Stasiun & TV', 'Pengguna & izin',
      'Jejak audit', 'Plugin', 'Pengaturan', 'Cadangan',
    ]);
  });

  await t.test('a settings change in one browser shows in the other live', async () => {
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    const shopName = page.getByLabel('Nama toko');
    await shopName.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await page.getByLabel('Nomor WhatsApp').inputValue(), '6281234567890', 'the number is shown as stored');
    await page.getByLabel('Peringatan sebelum sesi habis (menit)').fill('5, 5');
    await page.getByText('Sampai 5 menit berbeda dari 1 sampai 60, mis. 5, 1.').waitFor();
    await page.getByLabel('Peringatan sebelum sesi habis (menit)').fill('10, 5, 1');
    await shopName.fill('Rental PS Mas Ikbal');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Pengaturan disimpan').waitFor({ timeout: UI_TIMEOUT_MS });
    await operator.page.locator('.sidebar__shop', { hasText: 'Rental PS Mas Ikbal' }).waitFor({ timeout: UI_TIMEOUT_MS });
    // The operator's open form follows too.
    await operator.page.waitForFunction(
      () => [...document.querySelectorAll('input')].some((input) => input.value === '10, 5, 1'), null, { timeout: UI_TIMEOUT_MS });
    const settings = await api.call('GET', '/settings');
    assert.deepEqual(settings.session_warning_minutes, [10, 5, 1]);
    await snap(page, 'settings');
  });

  await t.test('turning fixture-echo off, with the plugin that requires it, removes its page from the sidebar', async () => {
    await page.getByRole('link', { name: 'Plugin', exact: true }).click();
    const card = page.locator('article[data-plugin="fixture-echo"]');
    await card.getByText('Punya halaman: Echo').waitFor({ timeout: UI_TIMEOUT_MS });
    const sidebarPage = page.locator('[data-testid="plugin-pages"]').getByRole('link', { name: 'Echo' });
    await sidebarPage.waitFor({ timeout: UI_TIMEOUT_MS });

    await card.getByRole('switch', { name: /Fixture Echo/ }).click({ force: true });
    const confirm = page.getByRole('dialog');
    await confirm.getByText('Fixture Dependent membutuhkan Fixture Echo dan ikut dimatikan.').waitFor({ timeout: UI_TIMEOUT_MS });
    await confirm.getByRole('button', { name: 'Matikan semuanya' }).click();
    await sidebarPage.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await card.getByText('Berhenti').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('article[data-plugin="fixture-dependent"]').getByText('Berhenti').waitFor({ timeout: UI_TIMEOUT_MS });

    await card.getByRole('switch', { name: /Fixture Echo/ }).click({ force: true });
    await sidebarPage.waitFor({ timeout: UI_TIMEOUT_MS });
    await card.getByText('Berjalan').waitFor({ timeout: UI_TIMEOUT_MS });
  });

  await t.test('the config form refuses an out-of-range number and saves a valid one', async () => {
    await page.getByRole('button', { name: 'Atur Fixture Echo' }).click();
    const dialog = page.getByRole('dialog');
    const maxItems = dialog.getByLabel('max_items');
    assert.equal(await maxItems.inputValue(), '10', 'the default is shown');
    await maxItems.fill('500');
    await dialog.getByText('Maksimal 100.').waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Simpan' }).isDisabled(), true);
    await snap(page, 'plugins');
    await page.setViewportSize(PHONE);
    assert.equal(await horizontalOverflow(page), 0, 'the config dialog fits a phone');
    await snap(page, 'plugins-phone');
    await page.setViewportSize(DESKTOP);

    await maxItems.fill('25');
    await dialog.getByLabel('greeting').fill('selamat datang');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    const saved = await api.call('GET', '/plugins/fixture-echo/config');
    assert.equal(saved.config.max_items, 25);
    assert.equal(saved.config.greeting, 'selamat datang');
  });

  await t.test('the audit trail lists those changes and filters them by the URL', async () => {
    await page.getByRole('link', { name: 'Jejak audit' }).click();
    for (const action of ['users.create', 'settings.update', 'plugins.set_enabled', 'plugins.configure']) {
      await page.locator('.audit-table td', { hasText: action }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    }
    await page.getByLabel('Aksi').fill('plugins.configure');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/action=plugins\.configure/);
    await page.locator('.audit-table tbody tr', { hasText: 'plugins.set_enabled' }).first()
      .waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    const row = page.locator('.audit-table tbody tr', { hasText: 'plugins.configure' }).first();
    await row.getByRole('button', { name: /Lihat rincian/ }).click();
    await page.locator('.audit-table__details pre', { hasText: 'max_items' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Hapus filter' }).click();
    await page.locator('.audit-table td', { hasText: 'settings.update' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await snap(page, 'audit');
  });

  await t.test('a backup downloads as an SQLite database', async () => {
    await page.getByRole('link', { name: 'Cadangan' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
      page.getByRole('button', { name: 'Unduh cadangan' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^billing-\d{8}-\d{6}\.db$/);
    const file = await download.path();
    const head = fs.readFileSync(file).subarray(0, 16).toString('latin1');
    assert.equal(head, 'SQLite format 3\u0000');
  });

  await t.test('no admin page scrolls sideways on a phone', async () => {
    await page.setViewportSize(PHONE);
    const pages = [['/users', 'Pengguna & izin'], ['/plugins', 'Plugin'], ['/settings', 'Pengaturan'], ['/audit', 'Jejak audit'], ['/backup', 'Cadangan & pemulihan']];
    for (const [route, heading] of pages) {
      await page.goto(`${host.baseUrl}/#${route}`);
      await page.getByRole('heading', { name: heading, exact: true, level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
      await page.locator('.state[role="status"]').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      assert.equal(await horizontalOverflow(page), 0, `${route} fits a 360 px phone`);
      if (route !== '/plugins' && route !== '/backup') await snap(page, `${route.slice(1)}-phone`);
    }
    await page.setViewportSize(DESKTOP);
  });

  await t.test('no script errors on either page', () => {
    assert.deepEqual(admin.errors, []);
    assert.deepEqual(operator.errors, []);
  });
});
