// The dashboard's TV overview in Chromium against the real host and the real
// tv-websocket plugin: pairing a TV page through /#/tv-pairing/<code>, a
// session started from the station's card unlocking that TV, extend, stop of
// open play with the amount to collect, an operator without sessions.stop,
// two signed-in browsers seeing each other's changes live, and the phone
// layout. Screenshots: dashboard-tv-*.png.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  createOperator, DESKTOP, horizontalOverflow, openDashboard, PHONE, screenshot, settle, startDashboard, tvSkipReason, UI_TIMEOUT_MS,
} from './support/dashboard.mjs';

const TV_TIMEOUT_MS = 20_000;

// A card of the overview, found by its station code.
const card = (page, code) => page.getByRole('article', { name: code, exact: true });

// Simulated TVs: WebSockets opened from a blank page of the same browser,
// speaking the TV protocol just enough to be paired and stay online.
async function openSimulatedTvs(browser, host, keys) {
  const page = await browser.newPage();
  await page.goto(`${host.baseUrl}/health`);
  const codes = await page.evaluate(({ url, keys: deviceKeys }) => {
    window.simulatedTvs = {};
    return Promise.all(deviceKeys.map((key) => new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      window.simulatedTvs[key] = socket;
      socket.onopen = () => socket.send(JSON.stringify({
        type: 'hello', protocol: 1, token: null, device_key: key, device: { user_agent: 'Android TV (simulated)', screen: '1920x1080' },
      }));
      socket.onmessage = (message) => {
        const data = JSON.parse(message.data);
        if (data.type === 'qr' && data.purpose === 'pairing') resolve(data.code);
        if (data.type === 'error') reject(new Error(`simulated TV ${key}: ${data.code} ${data.message}`));
      };
      socket.onerror = () => reject(new Error(`simulated TV ${key} failed`));
    })));
  }, { url: `${host.baseUrl.replace(/^http/, 'ws')}/ws/tv-websocket`, keys });
  return {
    page,
    codes,
    close: (key) => page.evaluate((k) => window.simulatedTvs[k].close(), key),
  };
}

test('the TV overview runs the shop live: pairing, start, extend, stop, permissions, two browsers, phone',
  { skip: tvSkipReason(), timeout: 280_000 }, async (t) => {

    // The shop: packages, an open-play tariff and nine stations.
    const { host, browser, api } = await startDashboard(t);
    await api.call('PUT', '/settings', { shop_name: 'Rental PS Ikbal', whatsapp_number: '081234567890' });
    const pkg = (body) => api.call('POST', '/packages', { console_type: 'any', kind: 'fixed', ...body });
    const oneHour = await pkg({ name: '1 Jam', duration_minutes: 60, price: 10000 });
    const twoHours = await pkg({ name: '2 Jam', duration_minutes: 120, price: 18000 });
    const quick = await pkg({ name: 'Kilat 4 Menit', duration_minutes: 4, price: 1000 });
    const lastMinute = await pkg({ name: 'Kilat 1 Menit', duration_minutes: 1, price: 500 });
    const openPlay = await api.call('POST', '/packages',
      { name: 'Main Bebas PS4', console_type: 'PS4', kind: 'open', price: 8000, rounding_minutes: 15 });
    const stationSpecs = [
      ['TV01', 'PS4 Pojok Kiri', 'PS4'], ['TV02', 'PS4 Tengah', 'PS4'], ['TV03', 'PS5 Sofa', 'PS5'],
      ['TV04', 'PS4 Jendela', 'PS4'], ['TV05', 'PS5 VIP', 'PS5'], ['TV06', 'PS4 Dekat Kasir', 'PS4'],
      ['TV07', 'PS3 Klasik', 'PS3'], ['TV08', 'PS4 Belakang', 'PS4'], ['TV09', 'PS3 Lama', 'PS3'],
    ];
    const stations = {};
    for (const [code, name, consoleType] of stationSpecs) {
      stations[code] = await api.call('POST', '/stations', {
        code, name, console_type: consoleType, ...(consoleType === 'PS4' ? { tariff_package_id: openPlay.id } : {}),
      });
    }

    const admin = await openDashboard(browser, host);
    const { page } = admin;

    // The kiosk page of a TV, in its own context (its own localStorage).
    const tvContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const tv = await tvContext.newPage();
    const tvMode = (mode) => tv.locator(`#tv[data-mode="${mode}"]`).waitFor({ timeout: TV_TIMEOUT_MS });

    await t.test('a TV is paired through the pairing link its QR opens', async () => {
      await tv.goto(`${host.baseUrl}/tv`);
      await tvMode('unpaired');
      const shown = await tv.locator('[data-field="pairingCode"]:visible').first().textContent();
      const code = shown.replace(/\s/g, '');
      await page.goto(`${host.baseUrl}/#/tv-pairing/${code}`);
      const dialog = page.getByRole('dialog');
      const codeField = dialog.getByLabel('Kode pemasangan');
      try {
        await codeField.waitFor({ timeout: UI_TIMEOUT_MS });
      } catch (error) {
        // Seen twice in full runs under load, never alone: keep what the page
        // showed for whoever looks next (dashboard-tv-pairing-failed.png).
        await screenshot(page, 'tv-pairing-failed');
        const section = await page.locator('[aria-labelledby="tvs-heading"]').textContent().catch(() => '(no TV section)');
        throw new Error(`no pairing dialog at ${page.url()}; the TV section said: ${section}`, { cause: error });
      }
      assert.equal((await codeField.inputValue()).replace(/\s/g, ''), code);
      await dialog.getByLabel('Ke stasiun').selectOption('TV01');
      await dialog.getByLabel('Nama TV').fill('TV pojok kiri');
      await dialog.getByRole('button', { name: 'Pasangkan' }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      await tvMode('locked');
      assert.equal(await tv.locator('[data-field="stationCode"]:visible').first().textContent(), 'TV01');
    });

    let fixedSession;
    await t.test('a session started from the card unlocks the TV', async () => {
      await page.goto(`${host.baseUrl}/#/`);
      const tv01 = card(page, 'TV01');
      await tv01.locator('.tv-card__tv--online').waitFor({ timeout: UI_TIMEOUT_MS });
      await tv01.getByRole('button', { name: 'Mulai' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('radio', { name: 'Paket' }).click();
      await dialog.getByLabel('Paket', { exact: true }).selectOption(String(oneHour.id));
      assert.match(await dialog.getByTestId('price').textContent(), /Rp 10\.000/);
      await settle(page);
      await screenshot(page, 'tv-start-dialog');
      await dialog.getByRole('button', { name: 'Mulai', exact: true }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      await tv01.and(page.locator('[data-state="active"]')).waitFor({ timeout: UI_TIMEOUT_MS });
      assert.match(await tv01.getByTestId('countdown').textContent(), /^(1:00:00|59:[0-5]\d)$/);
      await tvMode('active');
      assert.equal(await tv.locator('[data-field="packageName"]:visible').first().textContent(), '1 Jam');
      fixedSession = (await api.call('GET', `/stations/${stations.TV01.id}`)).session;
    });

    await t.test('extend adds 15 minutes at the pro-rata price', async () => {
      const tv01 = card(page, 'TV01');
      await tv01.getByRole('button', { name: 'Tambah waktu' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '+15 menit' }).click();
      assert.match(await dialog.getByTestId('price').textContent(), /Rp 2\.500/);
      await dialog.getByRole('button', { name: 'Tambah waktu' }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      await page.getByText('Waktu TV01 ditambah').waitFor({ timeout: UI_TIMEOUT_MS });
      const extended = await api.call('GET', `/sessions/${fixedSession.id}`);
      assert.equal(Date.parse(extended.deadline_at) - Date.parse(fixedSession.deadline_at), 15 * 60_000);
      assert.equal(extended.amount, 12500);
      await tv01.getByTestId('countdown').filter({ hasText: /^1:1[45]:/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    });

    await t.test('stopping open play shows the amount to collect', async () => {
      const tv02 = card(page, 'TV02');
      await tv02.getByRole('button', { name: 'Mulai' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('radio', { name: 'Main bebas' }).click();
      await dialog.getByText('Rp 8.000/jam').waitFor();
      await dialog.getByRole('button', { name: 'Mulai', exact: true }).click();
      await tv02.and(page.locator('[data-state="active"]')).waitFor({ timeout: UI_TIMEOUT_MS });
      // The first 15-minute block, as soon as play has begun.
      await tv02.getByTestId('amount').filter({ hasText: /^Rp 2\.000$/ }).waitFor({ timeout: UI_TIMEOUT_MS });

      await tv02.getByRole('button', { name: 'Stop', exact: true }).click();
      const stop = page.getByRole('dialog');
      await stop.getByText(/Perkiraan tagihan: Rp 2\.000/).waitFor();
      await stop.getByRole('button', { name: 'Hentikan' }).click();
      const result = stop.getByTestId('stop-result');
      await result.waitFor({ timeout: UI_TIMEOUT_MS });
      assert.match(await result.textContent(), /Tagih Rp 2\.000/);
      await settle(page);
      await screenshot(page, 'tv-stop-result');
      await stop.getByRole('button', { name: 'Selesai' }).click();
      await tv02.and(page.locator('[data-state="locked"]')).waitFor({ timeout: UI_TIMEOUT_MS });
    });

    const kasir = await createOperator(api, 'kasir1', ['sessions.view', 'sessions.start', 'sessions.extend']);
    const operator = await openDashboard(browser, host, { username: kasir.username, password: kasir.password });
    t.after(() => operator.context.close());

    await t.test('an operator without sessions.stop sees no stop button, and the API refuses', async () => {
      const tv01 = card(operator.page, 'TV01');
      await tv01.getByRole('button', { name: 'Tambah waktu' }).waitFor({ timeout: UI_TIMEOUT_MS });
      assert.equal(await tv01.getByRole('button', { name: 'Stop', exact: true }).count(), 0);
      assert.equal(await tv01.getByRole('button', { name: 'Pindah' }).count(), 0);
      await assert.rejects(kasir.api.call('POST', `/sessions/${fixedSession.id}/stop`, {}), /answered 403/);
      assert.equal((await api.call('GET', `/sessions/${fixedSession.id}`)).state, 'running');
    });

    await t.test('two signed-in browsers see each other start and stop live', async () => {
      const startFrom = async (where, code, packageId) => {
        await card(where, code).getByRole('button', { name: 'Mulai' }).click();
        const dialog = where.getByRole('dialog');
        await dialog.getByLabel('Paket', { exact: true }).selectOption(String(packageId));
        await dialog.getByRole('button', { name: 'Mulai', exact: true }).click();
        await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      };
      await startFrom(page, 'TV04', oneHour.id);
      await card(operator.page, 'TV04').and(operator.page.locator('[data-state="active"]')).waitFor({ timeout: UI_TIMEOUT_MS });
      await startFrom(operator.page, 'TV06', oneHour.id);
      await card(page, 'TV06').and(page.locator('[data-state="active"]')).waitFor({ timeout: UI_TIMEOUT_MS });

      await card(page, 'TV06').getByRole('button', { name: 'Stop', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Hentikan' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Selesai' }).click();
      await card(operator.page, 'TV06').and(operator.page.locator('[data-state="locked"]')).waitFor({ timeout: UI_TIMEOUT_MS });
    });

    await t.test('the overview with mixed states at desktop and phone size', async () => {
      // TVs for most stations; two of them go dark, one during a session.
      const sims = await openSimulatedTvs(browser, host, ['tv02', 'tv03', 'tv04', 'tv05', 'tv07', 'tv08'].map((n) => `simulated-${n}-device`));
      t.after(() => sims.page.close());
      const simStations = ['TV02', 'TV03', 'TV04', 'TV05', 'TV07', 'TV08'];
      for (const [index, code] of sims.codes.entries()) {
        await api.call('POST', '/plugins/tv-websocket/pairings', { code, station_code: simStations[index] });
      }
      const member = await api.call('POST', '/members', { name: 'Budi Santoso', phone: '0812-7788-9900' });
      await api.call('POST', `/members/${member.id}/purchases`, { package_id: twoHours.id, units: 3 });
      await api.call('POST', '/sessions', { station_code: 'TV02' });
      await api.call('POST', '/sessions', { station_code: 'TV03', package_id: twoHours.id, member_id: member.id });
      await api.call('POST', '/sessions', { station_code: 'TV05', package_id: quick.id });
      await api.call('POST', '/sessions', { station_code: 'TV06', package_id: lastMinute.id });
      const paused = await api.call('POST', '/sessions', { station_code: 'TV07', package_id: oneHour.id });
      await api.call('POST', `/sessions/${paused.id}/pause`, {});
      await api.call('PUT', `/stations/${stations.TV09.id}`, { maintenance: true });
      await sims.close('simulated-tv05-device');
      await sims.close('simulated-tv08-device');

      await card(page, 'TV05').and(page.locator('.is-tv-lost.is-ending')).waitFor({ timeout: UI_TIMEOUT_MS });
      await card(page, 'TV06').and(page.locator('.is-critical')).waitFor({ timeout: UI_TIMEOUT_MS });
      await card(page, 'TV08').and(page.locator('[data-state="offline"]')).waitFor({ timeout: UI_TIMEOUT_MS });
      await card(page, 'TV07').and(page.locator('[data-state="paused"]')).waitFor({ timeout: UI_TIMEOUT_MS });
      await card(page, 'TV09').and(page.locator('[data-state="maintenance"]')).waitFor({ timeout: UI_TIMEOUT_MS });
      assert.match(await card(page, 'TV03').getByTestId('member').textContent(), /Budi Santoso/);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await settle(page);
      await screenshot(page, 'tv-overview-1920');
      await page.setViewportSize(DESKTOP);
      await settle(page);
      await screenshot(page, 'tv-overview');

      const phone = await openDashboard(browser, host, { viewport: PHONE });
      t.after(() => phone.context.close());
      // The 1-minute session may be over by now; the 4-minute one is not.
      await card(phone.page, 'TV05').and(phone.page.locator('.is-tv-lost.is-ending')).waitFor({ timeout: UI_TIMEOUT_MS });
      assert.equal(await horizontalOverflow(phone.page), 0, 'no sideways scroll at 360 px');
      await settle(phone.page);
      await screenshot(phone.page, 'tv-overview-phone');
      await card(phone.page, 'TV05').scrollIntoViewIfNeeded();
      await settle(phone.page);
      await screenshot(phone.page, 'tv-overview-phone-alerts');
      assert.deepEqual(phone.errors, [], 'no script errors on the phone');
    });

    assert.deepEqual(admin.errors, [], 'no script errors for the admin');
    assert.deepEqual(operator.errors, [], 'no script errors for the operator');
  });
