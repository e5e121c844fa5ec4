// The TV page in Chromium against the real host and the real tv-websocket
// plugin: pairing screen, pairing through the admin API, the lock screen's
// WhatsApp QR (decoded from a screenshot), the countdown of a session, and
// the lock at zero after the host is gone. Screenshots of each screen go to
// <build>/screenshots/tv-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { Api } from './support/api.mjs';
import { chromiumMissing, launchChromium } from './support/browser.mjs';
import { paths, startHost } from './support/host.mjs';
import { decodeQr } from './support/qr.mjs';

const FULL_HD = { width: 1920, height: 1080 };
const HD = { width: 1280, height: 720 };
const SCREEN_TIMEOUT_MS = 20_000;
const STATION = 'TV01';

function whyNotRunnable() {
  if (!fs.existsSync(paths.executable)) return `no billing-host at ${paths.executable}`;
  if (!fs.existsSync(path.join(paths.pluginsDir, 'tv-websocket'))) {
    return `the tv-websocket plugin is not built (no ${path.join(paths.pluginsDir, 'tv-websocket')})`;
  }
  if (!fs.existsSync(path.join(paths.webDir, 'tv', 'index.html'))) return `no TV page in ${paths.webDir}/tv`;
  return chromiumMissing();
}

const skip = whyNotRunnable() ?? false;

test('the TV page pairs, locks with a WhatsApp QR, counts down and locks at zero without the host',
  { skip, timeout: 240_000 }, async (t) => {
    fs.mkdirSync(paths.screenshotDir, { recursive: true });
    const host = await startHost();
    t.after(async () => {
      await host.stop();
      host.removeDataDir();
    });
    const browser = await launchChromium();
    t.after(() => browser.close());

    // The shop: a WhatsApp number for the login QR, a 1-minute package, a station.
    const api = new Api(host.baseUrl);
    await api.signInAsNewAdmin();
    await api.call('PUT', '/settings', { whatsapp_number: '081234567890' });
    const oneMinute = await api.call('POST', '/packages',
      { name: '1 Menit', console_type: 'any', kind: 'fixed', duration_minutes: 1, price: 1000 });
    await api.call('POST', '/stations', { code: STATION, name: 'PS4 pojok', console_type: 'PS4' });

    const page = await browser.newPage({ viewport: FULL_HD });
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const tv = page.locator('#tv');
    const field = (name) => page.locator(`[data-field="${name}"]:visible`).first();
    const screenshot = async (name, viewport = FULL_HD) => {
      await page.setViewportSize(viewport);
      const file = path.join(paths.screenshotDir, `tv-${name}.png`);
      const png = await page.screenshot({ path: file });
      await page.setViewportSize(FULL_HD);
      return png;
    };
    const assertNoScrollbars = async () => {
      const overflow = await page.evaluate(() => ({
        x: document.documentElement.scrollWidth - window.innerWidth,
        y: document.documentElement.scrollHeight - window.innerHeight,
      }));
      assert.deepEqual(overflow, { x: 0, y: 0 }, 'the page fits the screen');
    };

    await t.test('a new TV shows the pairing screen with a code', async () => {
      await page.goto(`${host.baseUrl}/tv`, { timeout: SCREEN_TIMEOUT_MS });
      await tv.and(page.locator('[data-mode="unpaired"]')).waitFor({ timeout: SCREEN_TIMEOUT_MS });
      await page.getByText('TV belum dipasangkan').waitFor({ timeout: SCREEN_TIMEOUT_MS });
      await page.locator('[data-screen="unpaired"].has-qr').waitFor({ timeout: SCREEN_TIMEOUT_MS });
      assert.match(await field('pairingCode').textContent(), /^\d{3} \d{3}$/);
      await assertNoScrollbars();
      await screenshot('unpaired');
    });

    await t.test('paired through the admin API, it shows the lock screen and a WhatsApp login QR', async () => {
      const shownCode = await field('pairingCode').textContent();
      const { devices } = await api.call('GET', '/plugins/tv-websocket/devices');
      const pending = devices.find((device) => device.state === 'pending');
      assert.ok(pending, `a pending device in ${JSON.stringify(devices)}`);
      assert.equal(pending.pairing_code.replace(/\s/g, ''), shownCode.replace(/\s/g, ''));

      const paired = await api.call('POST', '/plugins/tv-websocket/pairings', { code: shownCode, station_code: STATION });
      assert.equal(paired.station_code, STATION);

      await tv.and(page.locator('[data-mode="locked"]')).waitFor({ timeout: SCREEN_TIMEOUT_MS });
      await page.locator('[data-screen="locked"].has-qr').waitFor({ timeout: SCREEN_TIMEOUT_MS });
      assert.equal(await field('stationCode').textContent(), STATION);
      assert.ok(await page.evaluate(() => localStorage.getItem('tv.token')), 'the page stored its device token');
      await page.getByText('Scan untuk login lewat WhatsApp').waitFor({ timeout: SCREEN_TIMEOUT_MS });
      // The QR image has loaded once it has a size of its own.
      await page.waitForFunction(() => document.querySelector('[data-qr="loginQrSvg"] img').naturalWidth > 0,
        null, { timeout: SCREEN_TIMEOUT_MS });
      await assertNoScrollbars();

      const text = decodeQr(await screenshot('locked'));
      assert.match(text ?? '', new RegExp(`^https://wa\\.me/6281234567890\\?text=${STATION}%20[A-Za-z0-9]{6,}$`));
      assert.equal(decodeQr(await screenshot('locked-1280x720', HD)), text, 'the same QR reads at 1280x720');
    });

    let session;
    await t.test('a session started for the station shows its countdown', async () => {
      session = await api.call('POST', '/sessions', { station_code: STATION, package_id: oneMinute.id });
      await tv.and(page.locator('[data-mode="active"]')).waitFor({ timeout: SCREEN_TIMEOUT_MS });
      assert.match(await field('countdownText').textContent(), /^0[01]:[0-5]\d$/);
      assert.equal(await field('packageName').textContent(), '1 Menit');
      await assertNoScrollbars();
      await screenshot('active');
      await screenshot('active-1280x720', HD);
    });

    await t.test('with the host stopped, the page counts on and locks at zero', async () => {
      await host.stop();
      await page.locator('.link-down').waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT_MS });
      const deadline = Date.parse(session.deadline_at);
      if (Date.now() < deadline - 5_000) {
        assert.equal(await tv.getAttribute('data-mode'), 'active');
        const before = await field('countdownText').textContent();
        await page.waitForFunction((shown) => document.querySelector('[data-field="countdownText"]').textContent !== shown,
          before, { timeout: 5_000 });
        await screenshot('active-offline');
      }
      await tv.and(page.locator('[data-mode="locked"]')).waitFor({ timeout: Math.max(0, deadline - Date.now()) + 15_000 });
      // The page locks on its own clock: not before the deadline.
      assert.ok(Date.now() >= deadline - 1_000, `locked ${deadline - Date.now()} ms before the deadline`);
      await screenshot('locked-offline');
    });

    assert.deepEqual(pageErrors, [], 'no script errors on the page');
  });
