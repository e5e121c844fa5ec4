// Shared steps of the dashboard's end-to-end tests: a host with the
// dashboard, a signed-in browser page, screenshots at the two sizes the
// README shows, and the check that a page never scrolls sideways.
import fs from 'node:fs';
import path from 'node:path';

import { Api } from './api.mjs';
import { chromiumMissing, launchChromium } from './browser.mjs';
import { paths, startHost } from './host.mjs';

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 360, height: 740 };
export const ADMIN_PASSWORD = 'browser-test-password';
export const UI_TIMEOUT_MS = 15_000;

// Why the dashboard tests cannot run here, or false.
export function dashboardSkipReason() {
  if (!fs.existsSync(paths.executable)) return `no billing-host at ${paths.executable}`;
  if (!fs.existsSync(path.join(paths.webDir, 'index.html'))) return `no dashboard in ${paths.webDir}`;
  return chromiumMissing() ?? false;
}

// Why the tests with the TV plugin and TV page cannot run here, or false.
export function tvSkipReason() {
  const reason = dashboardSkipReason();
  if (reason) return reason;
  if (!fs.existsSync(path.join(paths.pluginsDir, 'tv-websocket'))) return 'the tv-websocket plugin is not built';
  if (!fs.existsSync(path.join(paths.webDir, 'tv', 'index.html'))) return `no TV page in ${paths.webDir}/tv`;
  return false;
}

// A host with the dashboard (its data removed after the test) and Chromium,
// both stopped when test `t` ends, and an admin API client — unless
// `firstRun`, when the first-run admin is left for the test to sign in.
export async function startDashboard(t, { pluginsDir, firstRun = false } = {}) {
  const host = await startHost({ pluginsDir });
  t.after(async () => {
    await host.stop();
    host.removeDataDir();
  });
  const browser = await launchChromium();
  t.after(() => browser.close());
  const api = firstRun ? null : await adminApi(host);
  return { host, browser, api };
}

// An API client signed in as the first-run admin with a real password.
export async function adminApi(host) {
  const api = new Api(host.baseUrl);
  await api.signInAsNewAdmin();
  return api;
}

// Creates an operator with these permissions and returns its credentials.
export async function createOperator(api, username, permissions, password = 'operator-password') {
  await api.call('POST', '/users', { username, password, role: 'operator', permissions, display_name: username });
  // A password set by an admin must be changed at first sign-in.
  const operator = new Api(api.baseUrl);
  operator.token = (await operator.call('POST', '/auth/login', { username, password })).token;
  const changed = `${password}-own`;
  operator.token = (await operator.call('POST', '/auth/password', { current_password: password, new_password: changed })).token;
  return { username, password: changed, api: operator };
}

// A browser page of the dashboard, signed in through the login form. Page
// errors are collected so a test can assert there were none.
export async function openDashboard(browser, host, { username = 'admin', password = ADMIN_PASSWORD, viewport = DESKTOP, route = '/' } = {}) {
  const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${host.baseUrl}/#${route}`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.locator('.sidebar').waitFor({ timeout: UI_TIMEOUT_MS });
  await page.locator('[data-testid="live-status"].live--open').waitFor({ timeout: UI_TIMEOUT_MS });
  return { context, page, errors };
}

export async function screenshot(page, name) {
  fs.mkdirSync(paths.screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(paths.screenshotDir, `dashboard-${name}.png`), fullPage: false });
}

// The widest element's right edge against the viewport: a phone layout must
// not scroll sideways.
export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

// Makes a page ready for a screenshot: closes the toasts and waits until
// the finite animations and transitions (page entry, drawer after a resize)
// have ended.
export async function settle(page) {
  // A toast may go by itself between finding and clicking it: do not wait
  // the default 30 s for a button that is gone.
  for (const close of await page.locator('.toast button').all()) await close.click({ timeout: 1_000 }).catch(() => {});
  await page.locator('.toast').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS }).catch(() => {});
  await page.waitForFunction(
    () => document.getAnimations().every((animation) => animation.effect?.getTiming().iterations === Infinity || animation.playState !== 'running'),
    null, { timeout: UI_TIMEOUT_MS },
  );
}
