// The dashboard's Packages & tariffs, Session log and Daily reports pages in
// Chromium against the real host: create a fixed package and an open-play
// tariff with a night price (and its price preview), deactivate a package;
// the session log shows a session's events, filtered by station, member and
// operator through the URL, and new events appear live; the reports show
// the day's revenue. Screenshots of the three pages at desktop and phone
// sizes, which never scroll sideways.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  createOperator, dashboardSkipReason, DESKTOP, horizontalOverflow, openDashboard, PHONE, screenshot, settle, startDashboard, UI_TIMEOUT_MS,
} from './support/dashboard.mjs';

const skip = dashboardSkipReason();

const rupiah = (amount) => `Rp ${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;

// Waits until the session log shows rows and every row passes `check`
// (given the texts of the row's cells by their labels).
async function logRowsAll(page, check) {
  await page.waitForFunction((source) => {
    const rows = [...document.querySelectorAll('[data-testid="session-log"] tbody tr')];
    const cells = (row) => Object.fromEntries([...row.querySelectorAll('td')].map((td) => [td.dataset.label, td.textContent.trim()]));
    return rows.length > 0 && rows.every((row) => new Function('row', `return (${source})(row)`)(cells(row)));
  }, check.toString(), { timeout: UI_TIMEOUT_MS });
}

async function phoneCheck(page, name) {
  await page.setViewportSize(PHONE);
  await settle(page);
  assert.equal(await horizontalOverflow(page), 0, `${name} scrolls sideways on a phone`);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
  await settle(page);
}

test('packages, session log and reports', { skip, timeout: 300_000 }, async (t) => {

  // The shop: packages, a tariff, four PS4 stations, two members, a cashier.
  const { host, browser, api } = await startDashboard(t);
  const hour = await api.call('POST', '/packages', { name: '1 Jam PS4', console_type: 'PS4', kind: 'fixed', duration_minutes: 60, price: 10000 });
  await api.call('POST', '/packages', { name: '30 Menit', console_type: 'any', kind: 'fixed', duration_minutes: 30, price: 6000 });
  await api.call('POST', '/packages', {
    name: 'Paket Malam 5 Jam', console_type: 'any', kind: 'fixed', duration_minutes: 300, price: 35000,
    night_price: 30000, night_from: '22:00', night_until: '04:00',
  });
  const tariff = await api.call('POST', '/packages', {
    name: 'Main bebas PS4', console_type: 'PS4', kind: 'open', price: 8000, rounding_minutes: 15, minimum_charge: 2000,
  });
  const stations = [];
  for (const [code, name] of [['TV01', 'PS4 depan'], ['TV02', 'PS4 tengah'], ['TV03', 'PS4 pojok'], ['TV04', 'PS4 VIP']]) {
    stations.push(await api.call('POST', '/stations', { code, name, console_type: 'PS4', tariff_package_id: tariff.id }));
  }
  const dewi = await api.call('POST', '/members', { name: 'Dewi Lestari', phone: '081355512345' });
  await api.call('POST', '/members', { name: 'Budi Santoso', phone: '081234567890' });
  const kasir = await createOperator(api, 'kasir1', ['sessions.view', 'sessions.start', 'sessions.stop']);

  // Sessions: walk-in with an extension, open play for a member, the cashier's own.
  const first = await api.call('POST', '/sessions', { station_id: stations[0].id, package_id: hour.id });
  await api.call('POST', `/sessions/${first.id}/extend`, { minutes: 30 });
  const open = await api.call('POST', '/sessions', { station_id: stations[1].id, member_id: dewi.id, use_balance: false });
  await api.call('POST', `/sessions/${open.id}/stop`, {});
  const cashiers = await kasir.api.call('POST', '/sessions', { station_id: stations[2].id, package_id: hour.id });
  await kasir.api.call('POST', `/sessions/${cashiers.id}/stop`, {});

  const { context, page, errors } = await openDashboard(browser, host, { route: '/packages' });
  t.after(() => context.close());

  await t.test('a fixed package is created from the form', async () => {
    await page.getByRole('cell', { name: '1 Jam PS4' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Paket baru' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama').fill('2 Jam PS5');
    await dialog.getByLabel('Konsol').selectOption('PS5');
    await dialog.getByLabel('Durasi (menit)').fill('1441');
    await dialog.getByLabel('Harga', { exact: true }).fill('18.000');
    await dialog.getByRole('button', { name: 'Buat' }).click();
    await dialog.getByText('Isi 1 sampai 1440 menit.').waitFor();
    await dialog.getByLabel('Durasi (menit)').fill('120');
    await dialog.getByRole('button', { name: 'Buat' }).click();
    const row = page.locator('tr[data-package="2 Jam PS5"]');
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await row.textContent(), /PS5.*120 menit.*Rp 18\.000.*Aktif/);
  });

  await t.test('an open-play tariff with a night price shows its price preview', async () => {
    await page.getByRole('tab', { name: /Main bebas/ }).click();
    await page.getByRole('button', { name: 'Tarif baru' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama').fill('Main bebas PS5');
    await dialog.getByLabel('Konsol').selectOption('PS5');
    await dialog.getByLabel('Harga per jam', { exact: true }).fill('12.000');
    await dialog.getByLabel('Dihitung per').selectOption('15');
    await dialog.getByLabel('Biaya minimum').fill('5.000');
    await dialog.getByText('Harga berbeda di malam hari').click();
    await dialog.getByLabel('Harga malam per jam').fill('15.000');
    await dialog.getByLabel('Malam mulai').fill('18:00');
    await dialog.getByLabel('Malam sampai').fill('06:00');
    assert.equal(await dialog.getByTestId('price-preview').textContent(), '45 menit = Rp 9.000 · malam: Rp 11.250');
    await dialog.getByLabel('Coba hitung (menit main)').fill('10');
    assert.equal(await dialog.getByTestId('price-preview').textContent(), '10 menit = Rp 5.000 · malam: Rp 5.000',
      'the minimum charge applies');
    await dialog.getByRole('button', { name: 'Buat' }).click();
    const row = page.locator('tr[data-package="Main bebas PS5"]');
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await row.textContent(), /per 15 menit, min\. Rp 5\.000.*Rp 12\.000 \/ jam.*Rp 15\.000 \/ jam \(18:00–06:00\)/);
    assert.match(page.url(), /tab=open/);
    await settle(page);
    await screenshot(page, 'packages-open');
  });

  await t.test('a package is deactivated, not deleted', async () => {
    await page.getByRole('tab', { name: /Paket waktu/ }).click();
    const row = page.locator('tr[data-package="2 Jam PS5"]');
    await row.getByRole('button', { name: 'Nonaktifkan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nonaktifkan' }).click();
    await row.getByText('Nonaktif', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    await row.getByRole('button', { name: 'Aktifkan' }).waitFor();
    const stored = (await api.call('GET', '/packages?active=false')).packages.map((item) => item.name);
    assert.deepEqual(stored, ['2 Jam PS5']);
    await settle(page);
    await screenshot(page, 'packages');
    await phoneCheck(page, 'packages');
  });

  await t.test('the session log shows the sessions\' events and filters them through the URL', async () => {
    await page.goto(`${host.baseUrl}/#/session-log`);
    const log = page.getByTestId('session-log');
    await log.locator('tr[data-event="extended"]').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await log.locator('tr[data-event="extended"]').textContent(), /TV01.*Ditambah.*admin.*\+30 menit/);
    assert.match(await log.locator('tr[data-event="ended"]').first().textContent(), /Selesai/);
    await settle(page);
    await screenshot(page, 'session-log');

    await page.getByLabel('Stasiun').selectOption({ label: 'TV01' });
    await logRowsAll(page, (row) => row.Stasiun === 'TV01');
    assert.match(page.url(), new RegExp(`station=${stations[0].id}`));

    await page.getByRole('button', { name: 'Atur ulang filter' }).click();
    await page.getByLabel('Cari member').fill('Dewi');
    await page.getByRole('option', { name: /Dewi Lestari/ }).click();
    await logRowsAll(page, (row) => row.Member === 'Dewi Lestari' && row.Stasiun === 'TV02');
    assert.match(page.url(), new RegExp(`member=${dewi.id}`));

    await page.getByRole('button', { name: 'Atur ulang filter' }).click();
    await page.getByLabel('Operator').fill('kasir1');
    await logRowsAll(page, (row) => row.Oleh === 'kasir1' && row.Stasiun === 'TV03');
    assert.match(page.url(), /operator=kasir1/);

    // A shared link opens the same filtered view.
    const shared = await context.newPage();
    await shared.goto(page.url());
    await logRowsAll(shared, (row) => row.Oleh === 'kasir1');
    await shared.close();
  });

  await t.test('new events appear in the log live', async () => {
    await page.getByRole('button', { name: 'Atur ulang filter' }).click();
    await page.getByTestId('session-log').locator('tr[data-event="extended"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await api.call('POST', '/sessions', { station_id: stations[3].id, package_id: hour.id });
    const newest = page.getByTestId('session-log').locator('tbody tr').first();
    await newest.filter({ hasText: 'TV04' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await newest.textContent(), /TV04.*Mulai.*1 Jam PS4 · tunai Rp 10\.000/);
    await phoneCheck(page, 'session-log');
  });

  await t.test('the reports show the day\'s revenue and its breakdowns', async () => {
    const { days } = await api.call('GET', '/business-days');
    const today = days[0];
    assert.ok(today.revenue > 0, 'the sessions brought money');
    await page.goto(`${host.baseUrl}/#/reports`);
    await page.getByTestId('range-totals').getByText(rupiah(today.revenue)).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByTestId('business-days').getByText(rupiah(today.revenue)).waitFor();
    await page.getByTestId('sales-total').getByText(rupiah(today.revenue)).waitFor();
    await page.getByTestId('by-operator').getByRole('cell', { name: 'kasir1' }).waitFor();
    await page.getByTestId('by-station').getByRole('cell', { name: 'TV01' }).waitFor();
    await settle(page);
    await screenshot(page, 'reports');

    // A sale elsewhere shows at once.
    await api.call('POST', `/members/${dewi.id}/purchases`, { package_id: hour.id, units: 2 });
    await page.getByTestId('sales-total').getByText(rupiah(today.revenue + 20000)).waitFor({ timeout: UI_TIMEOUT_MS });
    await phoneCheck(page, 'reports');
    assert.deepEqual(errors, [], 'no page errors');
  });
});
