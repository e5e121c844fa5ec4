// Signing in to the dashboard in Chromium against the real host: the
// first-run admin must replace the default password before anything else
// shows, signs out, the old password stops working, a wrong password is
// refused, a revoked token sends the page back to the sign-in form with
// "session ended", and the language choice survives a reload. Screenshots
// of the sign-in form (desktop and phone) and of the forced password change.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Api } from './support/api.mjs';
import {
  dashboardSkipReason, DESKTOP, horizontalOverflow, PHONE, screenshot, startDashboard, UI_TIMEOUT_MS,
} from './support/dashboard.mjs';

const skip = dashboardSkipReason();
const FIRST_PASSWORD = 'rental-ps-aman-1';
const SECOND_PASSWORD = 'rental-ps-aman-2';

test('login: forced password change, sign-out, wrong and old passwords, revoked token, language', { skip, timeout: 240_000 }, async (t) => {
  const { host, browser } = await startDashboard(t, { firstRun: true });

  const context = await browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  const form = {
    username: page.getByLabel('Nama pengguna'),
    password: page.getByLabel('Kata sandi', { exact: true }),
    submit: page.getByRole('button', { name: 'Masuk' }),
  };
  async function signIn(password) {
    await form.username.fill('admin');
    await form.password.fill(password);
    await form.submit.click();
  }
  const sidebar = page.locator('.sidebar');
  const refusal = page.getByRole('alert').filter({ hasText: 'Nama pengguna atau kata sandi salah.' });

  await t.test('the sign-in form fits a desktop and a phone', async () => {
    await page.goto(host.baseUrl);
    await page.getByRole('heading', { name: 'Masuk' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'login');
    await page.setViewportSize(PHONE);
    assert.equal(await horizontalOverflow(page), 0, 'no sideways scroll on a phone');
    await screenshot(page, 'login-phone');
    await page.setViewportSize(DESKTOP);
  });

  await t.test('a wrong password is refused with a clear message', async () => {
    await signIn('salah-sandi');
    await refusal.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await form.password.inputValue(), '', 'the wrong password is cleared');
  });

  await t.test('the first-run admin must change the default password before anything else', async () => {
    await signIn('ikbal');
    await page.getByRole('heading', { name: 'Ganti kata sandi' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await sidebar.count(), 0, 'no dashboard before the password is changed');
    // Another address shows the same form: there is no way around it.
    await page.goto(`${host.baseUrl}/#/users`);
    await page.getByRole('heading', { name: 'Ganti kata sandi' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await sidebar.count(), 0);

    await page.getByLabel('Kata sandi sekarang').fill('ikbal');
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('pendek');
    await page.getByText('Minimal 8 karakter.').waitFor();
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(FIRST_PASSWORD);
    await page.getByLabel('Ulangi kata sandi baru').fill(FIRST_PASSWORD);
    await screenshot(page, 'password-change');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();

    await sidebar.waitFor({ timeout: UI_TIMEOUT_MS });
    await page.goto(`${host.baseUrl}/#/`);
    await page.getByRole('heading', { name: 'Layar TV' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  await t.test('signing out shows the form; the old password no longer works', async () => {
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('heading', { name: 'Masuk' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await page.evaluate(() => localStorage.getItem('billing.token')), null, 'the token is forgotten');
    await signIn('ikbal');
    await refusal.waitFor({ timeout: UI_TIMEOUT_MS });
    await signIn(FIRST_PASSWORD);
    await page.getByRole('heading', { name: 'Layar TV' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  await t.test('a token revoked elsewhere sends the page back to the form on its next call', async () => {
    // The admin changes the password from another place: every older token is revoked.
    const elsewhere = new Api(host.baseUrl);
    elsewhere.token = (await elsewhere.call('POST', '/auth/login', { username: 'admin', password: FIRST_PASSWORD })).token;
    await elsewhere.call('POST', '/auth/password', { current_password: FIRST_PASSWORD, new_password: SECOND_PASSWORD });

    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByText('Sesi Anda berakhir. Silakan masuk lagi.').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await signIn(SECOND_PASSWORD);
    await sidebar.waitFor({ timeout: UI_TIMEOUT_MS });
  });

  await t.test('the language switch to English and back survives a reload', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('link', { name: 'Settings' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.reload();
    await page.getByRole('link', { name: 'Settings' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await page.getByRole('link', { name: 'Pengaturan' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.reload();
    await page.getByRole('link', { name: 'Pengaturan' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'id');
  });

  await t.test('no script errors on the page', () => {
    assert.deepEqual(errors, []);
  });
});
