// The dashboard's Members pages in Chromium against the real host: search as
// you type, create a member with a local phone number and see it stored in
// international form, sell units of a package and grant more with a reason,
// an operator without members.manage sees no buttons to change anything, and
// a second browser sees a new member appear live. Screenshots of the list
// and of a member at desktop and phone sizes.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  createOperator, dashboardSkipReason, DESKTOP, horizontalOverflow, openDashboard, PHONE, screenshot, settle, startDashboard, UI_TIMEOUT_MS,
} from './support/dashboard.mjs';

const skip = dashboardSkipReason();
const MEMBERS = [
  ['Budi Santoso', '081234567890', 'Langganan PS5 tiap Sabtu'],
  ['Dewi Lestari', '081355512345', ''],
  ['Agus Pratama', '085711223344', 'Suka FIFA'],
  ['Siti Nurhaliza', '087899887766', ''],
  ['Rizky Ramadhan', '081977665544', 'Pelajar, bawa stik sendiri'],
];

test('members: search, create, sell, grant, permissions and live updates', { skip, timeout: 240_000 }, async (t) => {
  const { host, browser, api } = await startDashboard(t);
  const hour = await api.call('POST', '/packages', { name: '1 Jam PS4', console_type: 'PS4', kind: 'fixed', duration_minutes: 60, price: 10000 });
  await api.call('POST', '/packages', { name: '3 Jam Hemat', console_type: 'any', kind: 'fixed', duration_minutes: 180, price: 25000 });
  const members = [];
  for (const [name, phone, notes] of MEMBERS) members.push(await api.call('POST', '/members', { name, phone, notes }));
  await api.call('POST', `/members/${members[0].id}/purchases`, { package_id: hour.id, units: 2 });
  const operator = await createOperator(api, 'kasir1', ['members.view', 'sessions.view']);

  const admin = await openDashboard(browser, host, { route: '/members' });
  t.after(() => admin.context.close());
  const { page } = admin;
  const watcher = await openDashboard(browser, host, { username: operator.username, password: operator.password, route: '/members' });
  t.after(() => watcher.context.close());

  await t.test('the list shows every member and searches as the user types', async () => {
    await page.getByRole('link', { name: 'Budi Santoso' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByText('5 member').waitFor();
    await settle(page);
    await screenshot(page, 'members');
    await page.getByLabel('Cari nama atau nomor HP').fill('0813');
    await page.getByRole('link', { name: 'Budi Santoso' }).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await page.getByRole('link', { name: 'Dewi Lestari' }).waitFor();
    assert.match(page.url(), /q=0813/, 'the search is kept in the URL');
    await page.getByLabel('Cari nama atau nomor HP').fill('');
    await page.getByRole('link', { name: 'Budi Santoso' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  await t.test('a new member with a local phone number is stored as 62… and appears live elsewhere', async () => {
    await page.getByRole('button', { name: 'Tambah member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama').fill('Rina Marlina');
    await dialog.getByLabel('Nomor HP').fill('0813-2222-3333');
    await dialog.getByText('Disimpan sebagai 6281322223333').waitFor();
    await dialog.getByLabel('Catatan').fill('Member baru, datang bersama Dewi');
    await dialog.getByRole('button', { name: 'Buat' }).click();
    await page.getByRole('heading', { name: 'Rina Marlina' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await page.getByTestId('member-phone').textContent(), '6281322223333');
    // The operator's list follows the live stream, without a reload.
    await watcher.page.getByRole('link', { name: 'Rina Marlina' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  await t.test('a phone that is taken is refused on the phone field', async () => {
    await page.getByRole('button', { name: 'Ubah data' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nomor HP').fill('0812 3456 7890');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText('Nomor HP sudah terdaftar.').waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByRole('button', { name: 'Batal' }).click();
  });

  await t.test('selling 3 units shows the balance and the history', async () => {
    await page.getByRole('button', { name: 'Jual paket' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Paket').selectOption({ label: '1 Jam PS4 · Rp 10.000' });
    await dialog.getByLabel('Jumlah unit').fill('3');
    assert.equal(await dialog.getByLabel('Jumlah uang').inputValue(), '30.000');
    await dialog.getByText(/^Uang diterima oleh .+\.$/).waitFor();
    await dialog.getByRole('button', { name: 'Jual' }).click();
    await page.getByTestId('member-balances').getByText('× 3').waitFor({ timeout: UI_TIMEOUT_MS });
    const row = page.getByTestId('balance-history').locator('tbody tr').first();
    await row.getByText('Beli').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await row.textContent(), /1 Jam PS4.*\+3.*3.*admin/);
  });

  await t.test('granting units needs a reason and shows in the history', async () => {
    await page.getByRole('button', { name: 'Tambah / koreksi unit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Perubahan unit').fill('2');
    await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
    await dialog.getByText('Alasan wajib diisi.').waitFor();
    await dialog.getByLabel('Alasan').fill('Bonus ulang tahun');
    await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByTestId('member-balances').getByText('× 5').waitFor({ timeout: UI_TIMEOUT_MS });
    const row = page.getByTestId('balance-history').locator('tbody tr').first();
    await row.getByText('Bonus ulang tahun').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await row.textContent(), /Bonus.*\+2.*5/);
    await settle(page);
    await screenshot(page, 'member');
  });

  await t.test('an operator without members.manage sees no buttons that change anything', async () => {
    const { page: view } = watcher;
    assert.equal(await view.getByRole('button', { name: 'Tambah member' }).count(), 0);
    await view.getByRole('link', { name: 'Rina Marlina' }).click();
    await view.getByTestId('member-balances').getByText('× 5').waitFor({ timeout: UI_TIMEOUT_MS });
    for (const name of ['Ubah data', 'Jual paket', 'Tambah / koreksi unit']) {
      assert.equal(await view.getByRole('button', { name }).count(), 0, `${name} is hidden`);
    }
  });

  await t.test('the phone layout never scrolls sideways', async () => {
    await page.setViewportSize(PHONE);
    assert.equal(await horizontalOverflow(page), 0, 'member page');
    await settle(page);
    await screenshot(page, 'member-phone');
    await page.goto(`${host.baseUrl}/#/members`);
    await page.getByRole('link', { name: 'Budi Santoso' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await horizontalOverflow(page), 0, 'member list');
    await settle(page);
    await screenshot(page, 'members-phone');
    await page.getByRole('button', { name: 'Tambah member' }).click();
    assert.equal(await horizontalOverflow(page), 0, 'new member dialog');
    await page.setViewportSize(DESKTOP);
    assert.deepEqual(admin.errors, [], 'no page errors');
  });
});
