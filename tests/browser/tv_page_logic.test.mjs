// Unit tests of the TV page's pure functions (web/tv), under node's own runner.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BACKOFF_MAX_MS, backoffDelay } from '../../web/tv/backoff.mjs';
import { clockOffset, formatDuration, serverNow, sessionClock } from '../../web/tv/clock.mjs';
import { makeDeviceKey } from '../../web/tv/device.mjs';
import { RecentIds } from '../../web/tv/recent_ids.mjs';
import { viewOf } from '../../web/tv/view.mjs';

test('the clock offset turns the TV clock into the server clock', () => {
  const offset = clockOffset(1_000_500, 1_000_000);
  assert.equal(offset, 500);
  assert.equal(serverNow(2_000_000, offset), 2_000_500);
  assert.equal(serverNow(2_000_000, clockOffset(1_000_000, 1_000_700)), 1_999_300);
});

test('a countdown runs to the deadline and expires at it', () => {
  const session = { started_at_ms: 0, deadline_at_ms: 60_000 };
  assert.deepEqual(sessionClock(session, 0), { countsUp: false, ms: 60_000, expired: false });
  assert.deepEqual(sessionClock(session, 59_999), { countsUp: false, ms: 1, expired: false });
  assert.deepEqual(sessionClock(session, 60_000), { countsUp: false, ms: 0, expired: true });
  assert.deepEqual(sessionClock(session, 75_000), { countsUp: false, ms: 0, expired: true });
});

test('open play counts up from the start and never expires', () => {
  const session = { started_at_ms: 10_000, deadline_at_ms: null };
  assert.deepEqual(sessionClock(session, 70_000), { countsUp: true, ms: 60_000, expired: false });
  assert.deepEqual(sessionClock(session, 5_000), { countsUp: true, ms: 0, expired: false });
});

test('durations read MM:SS below an hour and HH:MM:SS from an hour on', () => {
  assert.equal(formatDuration(0), '00:00');
  assert.equal(formatDuration(59_999), '00:59');
  assert.equal(formatDuration(59_001, { roundUp: true }), '01:00');
  assert.equal(formatDuration(1, { roundUp: true }), '00:01');
  assert.equal(formatDuration(3_599_000), '59:59');
  assert.equal(formatDuration(3_600_000), '01:00:00');
  assert.equal(formatDuration(36_000_000 + 65_000), '10:01:05');
});

test('backoff doubles from 1 s to 30 s and adds up to 50 % jitter', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 50].map((attempt) => backoffDelay(attempt, 0)),
    [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  assert.equal(backoffDelay(0, 0.999999), 1500);
  assert.equal(backoffDelay(10, 0.5), BACKOFF_MAX_MS * 1.25);
  for (let i = 0; i < 100; i++) {
    const delay = backoffDelay(3);
    assert.ok(delay >= 8000 && delay <= 12000, `delay ${delay}`);
  }
});

test('a device key is 32 characters of [A-Za-z0-9_-] from random bytes', () => {
  const key = makeDeviceKey((n) => Uint8Array.from({ length: n }, (_, i) => i * 37));
  assert.match(key, /^[A-Za-z0-9_-]{32}$/);
  assert.notEqual(makeDeviceKey((n) => new Uint8Array(n).fill(1)), makeDeviceKey((n) => new Uint8Array(n).fill(2)));
});

test('recent command ids remember the last 50', () => {
  const ids = new RecentIds(50);
  for (let i = 0; i < 60; i++) ids.add(`c-${i}`);
  assert.ok(!ids.has('c-9'));
  assert.ok(ids.has('c-10'));
  assert.ok(ids.has('c-59'));
  ids.add('c-59');
  assert.ok(ids.has('c-10'), 'adding a known id again forgets nothing');
});

const baseModel = () => ({
  received: true,
  mode: 'active',
  shop: { name: 'Rental PS', time_zone: 'Asia/Jakarta' },
  station: { code: 'TV01' },
  session: { member_name: 'Budi', package_name: '1 Jam', started_at_ms: 0, deadline_at_ms: 3_600_000, remaining_ms: 3_600_000 },
  qr: { login: null, pairing: null },
  notice: null,
  linkUp: true,
});

test('the view shows the countdown of an active session', () => {
  const view = viewOf(baseModel(), 1_000);
  assert.equal(view.mode, 'active');
  assert.equal(view.countdownText, '59:59');
  assert.equal(view.memberName, 'Budi');
  assert.equal(view.stationCode, 'TV01');
  assert.equal(view.endingSoon, false);
  assert.equal(viewOf(baseModel(), 3_600_000 - 300_000).endingSoon, true);
});

test('the view locks by itself at the deadline, link or no link', () => {
  const model = { ...baseModel(), linkUp: false };
  assert.equal(viewOf(model, 3_599_999).mode, 'active');
  const view = viewOf(model, 3_600_000);
  assert.equal(view.mode, 'locked');
  assert.equal(view.linkDown, true);
});

test('the clock follows the shop time zone', () => {
  // 2026-01-01T00:00:00Z is 07:00 in Jakarta.
  assert.equal(viewOf(baseModel(), Date.UTC(2026, 0, 1)).clockText, '07:00');
});

test('an expired login QR is not shown', () => {
  const model = { ...baseModel(), mode: 'locked', session: null };
  model.qr.login = { svg: '<svg/>', expires_at_ms: 10_000 };
  assert.equal(viewOf(model, 9_999).loginQrSvg, '<svg/>');
  assert.equal(viewOf(model, 10_000).loginQrSvg, '');
});

test('a notice shows until its time is up', () => {
  const model = { ...baseModel(), notice: { text: '5 menit lagi', level: 'warning', untilMs: 5_000 } };
  assert.equal(viewOf(model, 0, 4_999).notice.text, '5 menit lagi');
  assert.equal(viewOf(model, 0, 5_000).notice, null);
});

test('the paused screen shows the frozen remaining time; before any state, connecting', () => {
  const model = { ...baseModel(), mode: 'paused' };
  model.session.remaining_ms = 754_000;
  assert.equal(viewOf(model, 10_000_000).pausedText, '12:34');
  assert.equal(viewOf({ ...baseModel(), received: false }, 0).mode, 'connecting');
});

test('a six-digit pairing code is shown in two groups of three', () => {
  const model = { ...baseModel(), mode: 'unpaired', station: null, session: null };
  model.qr.pairing = { code: '483915', svg: '<svg/>', expires_at_ms: null };
  assert.equal(viewOf(model, 0).pairingCode, '483 915');
  model.qr.pairing = { code: 'AB 12', svg: '<svg/>', expires_at_ms: null };
  assert.equal(viewOf(model, 0).pairingCode, 'AB 12');
});
