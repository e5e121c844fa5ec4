// The notification centre of the notifications plugin in the dashboard:
// a session that ends shows a toast and raises the bell's count on every
// open dashboard, each user reads their own, and the bell goes away when
// the plugin is turned off.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  createOperator, dashboardSkipReason, openDashboard, screenshot, settle, startDashboard, UI_TIMEOUT_MS,
} from './support/dashboard.mjs';

const skip = dashboardSkipReason();

test('notifications: toast, unread count per user, mark read, bell gone with the plugin', { skip, timeout: 180_000 }, async (t) => {
  const { host, browser, api } = await startDashboard(t);
  const hour = await api.call('POST', '/packages', { name: '1 Jam PS4', console_type: 'PS4', kind: 'fixed', duration_minutes: 60, price: 10000 });
  const station = await api.call('POST', '/stations', { code: 'TV01', name: 'PS4 Pojok', console_type: 'PS4' });
  const operator = await createOperator(api, 'kasir1', ['sessions.view']);

  const admin = await openDashboard(browser, host);
  const cashier = await openDashboard(browser, host, { username: operator.username, password: operator.password });
  const bell = (page) => page.locator('button.bell:visible');
  await bell(admin.page).waitFor({ timeout: UI_TIMEOUT_MS });
  await bell(cashier.page).waitFor({ timeout: UI_TIMEOUT_MS });

  // A session stopped elsewhere (here: the API) is news on both dashboards.
  const session = await api.call('POST', '/sessions', { station_id: station.id, package_id: hour.id });
  await api.call('POST', `/sessions/${session.id}/stop`, {});
  for (const { page } of [admin, cashier]) {
    await page.locator('.toast', { hasText: 'TV01: sesi dihentikan' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('button.bell:visible [data-testid="unread-count"]', { hasText: '1' }).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  // The admin reads them; the cashier's stay unread.
  await bell(admin.page).click();
  const centre = admin.page.getByRole('dialog').filter({ hasText: 'Tandai semua dibaca' });
  await centre.locator('.notice.is-unread', { hasText: 'TV01: sesi dihentikan' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await settle(admin.page);
  await screenshot(admin.page, 'notifications');
  await centre.getByRole('button', { name: 'Tandai semua dibaca' }).click();
  await centre.locator('.notice.is-unread').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  await admin.page.locator('[data-testid="unread-count"]').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  await admin.page.keyboard.press('Escape');
  const cashierPage = await operator.api.call('GET', '/plugins/notifications/notifications');
  assert.equal(cashierPage.unread_count, 1, 'the cashier still has the notification unread');
  assert.equal(await cashier.page.locator('button.bell:visible [data-testid="unread-count"]').textContent(), '1');

  // Without the plugin, there is no bell.
  await api.call('PUT', '/plugins/notifications', { enabled: false });
  await bell(cashier.page).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  await bell(admin.page).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });

  assert.deepEqual([...admin.errors, ...cashier.errors], []);
});
