// The Stations & TVs page in Chromium against the real host and the real
// tv-websocket plugin: create and edit a station (tariff, IP mapping,
// maintenance), a used station offered "disable" instead of delete, a new
// TV approved from the pending list onto an auto-added station, revoked back
// to its pairing screen, and the page when the plugin is off.
// Screenshots: dashboard-stations*.png.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  horizontalOverflow, openDashboard, PHONE, screenshot, settle, startDashboard, tvSkipReason, UI_TIMEOUT_MS,
} from './support/dashboard.mjs';

const TV_TIMEOUT_MS = 20_000;

test('stations are created and edited, and TVs paired and revoked, from the dashboard',
  { skip: tvSkipReason(), timeout: 240_000 }, async (t) => {
    const { host, browser, api } = await startDashboard(t);
    await api.call('PUT', '/settings', { shop_name: 'Rental PS Ikbal' });
    const openPs4 = await api.call('POST', '/packages', { name: 'Main Bebas PS4', console_type: 'PS4', kind: 'open', price: 8000, rounding_minutes: 15 });
    const openPs5 = await api.call('POST', '/packages', { name: 'Main Bebas PS5', console_type: 'PS5', kind: 'open', price: 12000, rounding_minutes: 15 });
    const oneHour = await api.call('POST', '/packages', { name: '1 Jam', console_type: 'any', kind: 'fixed', duration_minutes: 60, price: 10000 });
    const tv01 = await api.call('POST', '/stations', { code: 'TV01', name: 'PS4 Pojok Kiri', console_type: 'PS4', tariff_package_id: openPs4.id });
    await api.call('POST', '/stations', { code: 'TV02', name: 'PS4 Tengah', console_type: 'PS4', tariff_package_id: openPs4.id, ip_address: '192.168.1.22' });

    const { page, errors } = await openDashboard(browser, host, { route: '/stations' });
    const stationRow = (code) => page.locator(`tr[data-station="${code}"]`);

    await t.test('a new station is checked, created with its tariff and IP mapping, then edited', async () => {
      await page.getByRole('button', { name: 'Tambah stasiun' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Kode').fill('tv 3!');
      await dialog.getByLabel('Alamat IP TV').fill('300.1.1.1');
      await dialog.getByRole('button', { name: 'Buat' }).click();
      await dialog.getByText('Kode hanya 1–16 huruf, angka, - atau _.').waitFor();
      await dialog.getByText('Bukan alamat IPv4 atau IPv6 yang valid.').waitFor();

      await dialog.getByLabel('Kode').fill('tv03');
      await dialog.getByLabel('Nama', { exact: true }).fill('PS5 Sofa');
      await dialog.getByLabel('Jenis konsol').selectOption('PS5');
      await dialog.getByLabel('Tarif main bebas').selectOption(String(openPs5.id));
      await dialog.getByLabel('Alamat IP TV').fill('192.168.1.23');
      await settle(page);
      await screenshot(page, 'stations-form');
      await dialog.getByRole('button', { name: 'Buat' }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      await stationRow('TV03').getByText('Main Bebas PS5').waitFor({ timeout: UI_TIMEOUT_MS });
      const created = (await api.call('GET', '/stations')).stations.find((station) => station.code === 'TV03');
      assert.equal(created.ip_address, '192.168.1.23');
      assert.equal(created.tariff_package_id, openPs5.id);

      await stationRow('TV03').getByRole('button', { name: 'Ubah TV03' }).click();
      await dialog.getByLabel('Kode').fill('PS5-VIP');
      await dialog.locator('label.switch', { hasText: 'Perawatan' }).click();
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      await stationRow('PS5-VIP').getByText('Perawatan').waitFor({ timeout: UI_TIMEOUT_MS });
      const edited = await api.call('GET', `/stations/${created.id}`);
      assert.equal(edited.maintenance, true);
      assert.equal(edited.ip_address, '192.168.1.23', 'untouched fields stay');
    });

    await t.test('a station with history is disabled instead of deleted', async () => {
      const session = await api.call('POST', '/sessions', { station_id: tv01.id, package_id: oneHour.id });
      await api.call('POST', `/sessions/${session.id}/stop`, {});
      await stationRow('TV01').getByRole('button', { name: 'Hapus TV01' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Hapus' }).click();
      await dialog.getByText('Stasiun TV01 punya riwayat').waitFor({ timeout: UI_TIMEOUT_MS });
      await dialog.getByRole('button', { name: 'Nonaktifkan' }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      await stationRow('TV01').getByText('Nonaktif').waitFor({ timeout: UI_TIMEOUT_MS });
      assert.equal((await api.call('GET', `/stations/${tv01.id}`)).enabled, false);
    });

    const tvContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const tv = await tvContext.newPage();
    const tvMode = (mode) => tv.locator(`#tv[data-mode="${mode}"]`).waitFor({ timeout: TV_TIMEOUT_MS });
    let pairedStation;

    await t.test('a new TV appears as pending and is paired onto an auto-added station', async () => {
      await tv.goto(`${host.baseUrl}/tv`);
      await tvMode('unpaired');
      const shown = (await tv.locator('[data-field="pairingCode"]:visible').first().textContent()).trim();
      const pending = page.getByRole('article', { name: `Kode pemasangan ${shown}` });
      await pending.waitFor({ timeout: UI_TIMEOUT_MS });
      await settle(page);
      await screenshot(page, 'stations-pending-tv');
      await pending.getByRole('button', { name: 'Pasangkan' }).click();
      const dialog = page.getByRole('dialog');
      assert.equal(await dialog.getByLabel('Ke stasiun').inputValue(), '', 'a new station by default');
      await dialog.getByLabel('Nama TV').fill('TV ruang depan');
      await dialog.getByRole('button', { name: 'Pasangkan' }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      await tvMode('locked');
      pairedStation = (await tv.locator('[data-field="stationCode"]:visible').first().textContent()).trim();
      const row = page.locator('tr', { hasText: 'TV ruang depan' });
      await row.getByText(pairedStation).waitFor({ timeout: UI_TIMEOUT_MS });
      await row.getByText('Online').waitFor({ timeout: UI_TIMEOUT_MS });
      await stationRow(pairedStation).waitFor({ timeout: UI_TIMEOUT_MS });
      await settle(page);
      await screenshot(page, 'stations');
    });

    await t.test('the page fits a phone', async () => {
      const phone = await openDashboard(browser, host, { route: '/stations', viewport: PHONE });
      t.after(() => phone.context.close());
      await phone.page.locator('tr', { hasText: 'TV ruang depan' }).waitFor({ timeout: UI_TIMEOUT_MS });
      assert.equal(await horizontalOverflow(phone.page), 0, 'no sideways scroll at 360 px');
      await settle(phone.page);
      await screenshot(phone.page, 'stations-phone');
      assert.deepEqual(phone.errors, []);
    });

    await t.test('a revoked TV goes back to its pairing screen', async () => {
      const row = page.locator('tr', { hasText: 'TV ruang depan' });
      await row.getByRole('button', { name: 'Cabut' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('harus dipasangkan ulang').waitFor();
      await dialog.getByRole('button', { name: 'Cabut' }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      await tvMode('unpaired');
      // Back on the pairing screen, it waits in the pending list again.
      const shown = (await tv.locator('[data-field="pairingCode"]:visible').first().textContent()).trim();
      await page.getByRole('article', { name: `Kode pemasangan ${shown}` }).waitFor({ timeout: UI_TIMEOUT_MS });
      const devices = (await api.call('GET', '/plugins/tv-websocket/devices')).devices;
      assert.ok(devices.every((device) => device.state !== 'paired'), JSON.stringify(devices));
    });

    await t.test('with the TV plugin off, the page says so and links to the plugins', async () => {
      await api.call('PUT', '/plugins/tv-websocket', { enabled: false });
      await page.getByText('Plugin TV (tv-websocket) tidak berjalan').waitFor({ timeout: UI_TIMEOUT_MS });
      assert.equal(await page.getByRole('link', { name: 'Buka halaman Plugin' }).getAttribute('href'), '#/plugins');
      await stationRow('TV02').waitFor();
    });

    assert.deepEqual(errors, [], 'no script errors on the page');
  });
