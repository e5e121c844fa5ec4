import { formatDuration, sessionClock } from './clock.mjs';

// What the screen should show at one instant, from what the server last said
// (the model) and the server's "now". Pure, so node can test it; screens.js
// puts the result on the page.
//
// The model: { received, mode, shop, station, session, qr: { login, pairing },
// notice: { text, level, untilMs } | null, linkUp }, with `mode`, `shop`,
// `station` and `session` as in the last `state` message.
export function viewOf(model, serverNowMs, localNowMs = serverNowMs) {
  const view = {
    mode: model.received ? model.mode : 'connecting',
    shopName: model.shop?.name ?? '',
    stationCode: model.station?.code ?? '',
    clockText: clockText(serverNowMs, model.shop?.time_zone),
    dateText: dateText(serverNowMs, model.shop?.time_zone),
    pairingCode: readableCode(model.qr.pairing?.code ?? ''),
    pairingQrSvg: liveSvg(model.qr.pairing, serverNowMs),
    loginQrSvg: liveSvg(model.qr.login, serverNowMs),
    countdownText: '',
    countsUp: false,
    endingSoon: false,
    memberName: model.session?.member_name ?? '',
    packageName: model.session?.package_name ?? '',
    pausedText: '',
    notice: model.notice && localNowMs < model.notice.untilMs ? model.notice : null,
    linkDown: model.received && !model.linkUp,
  };

  if (view.mode === 'active' && model.session) {
    const clock = sessionClock(model.session, serverNowMs);
    // At the deadline the TV locks by itself, whether or not the server
    // managed to say so (the link may be down).
    if (clock.expired) {
      view.mode = 'locked';
    } else {
      view.countsUp = clock.countsUp;
      view.countdownText = formatDuration(clock.ms, { roundUp: !clock.countsUp });
      view.endingSoon = !clock.countsUp && clock.ms <= ENDING_SOON_MS;
    }
  }
  if (view.mode === 'paused' && model.session?.remaining_ms != null) {
    view.pausedText = formatDuration(model.session.remaining_ms, { roundUp: true });
  }
  return view;
}

// The last five minutes are shown in red.
const ENDING_SOON_MS = 5 * 60 * 1000;

// "483915" reads better from a sofa as "483 915" (the dashboard takes both).
function readableCode(code) {
  return /^\d{6}$/.test(code) ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

// A QR past its expiry is a photo of an old nonce: better none than a dead one.
function liveSvg(qr, serverNowMs) {
  if (!qr?.svg) return '';
  if (qr.expires_at_ms != null && qr.expires_at_ms <= serverNowMs) return '';
  return qr.svg;
}

// "21:05": Indonesian writes 21.05, but a colon reads as a clock from across a
// room. Without a time zone from the server, the TV's own.
function clockText(ms, timeZone) {
  const parts = formatter({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, timeZone).formatToParts(ms);
  const part = (type) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')}`;
}

// "Sabtu, 21 November 2026".
function dateText(ms, timeZone) {
  return formatter({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, timeZone).format(ms);
}

// Intl formatters are slow to build and this runs four times a second.
const formatters = new Map();
function formatter(options, timeZone) {
  const key = JSON.stringify([options, timeZone]);
  if (!formatters.has(key)) {
    let made;
    try {
      made = new Intl.DateTimeFormat('id-ID', { ...options, timeZone });
    } catch {
      made = new Intl.DateTimeFormat('id-ID', options);  // an unknown zone name
    }
    formatters.set(key, made);
  }
  return formatters.get(key);
}
