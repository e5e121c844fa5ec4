// The adb controls on the TV overview's cards, with the adb-control plugin
// pointed at a fake adb server: the card shows the TV's adb state, and its
// buttons and volume slider reach the TV as the right shell commands. An
// operator without tv.control gets no controls.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  createOperator, dashboardSkipReason, openDashboard, screenshot, settle, startDashboard, UI_TIMEOUT_MS,
} from './support/dashboard.mjs';
import { startFakeAdb } from './support/fake_adb.mjs';
import { paths } from './support/host.mjs';

const skip = dashboardSkipReason()
  || (!fs.existsSync(path.join(paths.pluginsDir, 'adb-control')) && `the adb-control plugin is not built in ${paths.pluginsDir}`);
const SERIAL = '10.0.0.21:5555';

async function until(condition, what) {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('adb controls on the TV cards reach the TV', { skip, timeout: 180_000 }, async (t) => {
  const adb = await startFakeAdb();
  t.after(() => adb.close());
  const { host, browser, api } = await startDashboard(t);
  const { config } = await api.call('GET', '/plugins/adb-control/config');
  await api.call('PUT', '/plugins/adb-control/config', { ...config, adb_host: '127.0.0.1', adb_port: adb.port, start_server: false });
  await api.call('POST', '/stations', { code: 'TV01', name: 'PS4 Pojok', console_type: 'PS4', ip_address: '10.0.0.21' });
  const operator = await createOperator(api, 'kasir1', ['sessions.view', 'sessions.start']);

  const { page, errors } = await openDashboard(browser, host);
  const controls = page.getByRole('group', { name: 'Kendali TV TV01' });
  await controls.waitFor({ timeout: UI_TIMEOUT_MS });

  const commands = () => adb.shellCommands().filter((entry) => entry.serial === SERIAL).map((entry) => entry.command);
  await controls.getByRole('button', { name: 'Nyalakan TV' }).click();
  await until(() => commands().some((command) => command.includes('keyevent 224')), 'the wake key on the TV');
  await controls.getByRole('button', { name: 'Tampilkan layar kunci' }).click();
  await until(() => commands().some((command) => command.startsWith('am start')), 'the kiosk activity on the TV');
  await controls.getByLabel('Volume').fill('12');
  await until(() => commands().includes('cmd media_session volume --stream 3 --set 12'), 'the volume set on the TV');
  await controls.getByText('ADB tersambung').waitFor({ timeout: UI_TIMEOUT_MS });
  await settle(page);
  await screenshot(page, 'tv-adb-controls');

  // Without tv.control the card has no adb controls (and the API refuses).
  const cashier = await openDashboard(browser, host, { username: operator.username, password: operator.password });
  await cashier.page.locator('.tv-card, [data-slot="tv-controls"]').first().waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await cashier.page.getByRole('group', { name: 'Kendali TV TV01' }).count(), 0);
  await assert.rejects(operator.api.call('POST', '/plugins/adb-control/stations/1/wake', {}), /403/);

  assert.deepEqual([...errors, ...cashier.errors], []);
});
