// The TV kiosk page: follows the tv-websocket plugin's messages (see
// docs/protocols/tv-websocket.md) and redraws the screen four times a second,
// so the countdown runs, and locks at zero, even while the link is down.
import { clockOffset, serverNow } from './clock.mjs';
import { TvConnection } from './connection.mjs';
import { deviceKey, forgetToken, storedToken, storeToken } from './device.mjs';
import { RecentIds } from './recent_ids.mjs';
import { Screens } from './screens.mjs';
import { viewOf } from './view.mjs';

const PROTOCOL = 1;
const REDRAW_MS = 250;

const model = {
  received: false,
  mode: 'unpaired',
  shop: null,
  station: null,
  session: null,
  qr: { login: null, pairing: null },
  notice: null,
  linkUp: false,
  offsetMs: 0,
};
const appliedCommands = new RecentIds(50);
const screens = new Screens(document.getElementById('tv'));

const connection = new TvConnection({
  url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/tv-websocket`,
  hello: () => ({
    type: 'hello',
    protocol: PROTOCOL,
    token: storedToken(),
    device_key: deviceKey(),
    device: { user_agent: navigator.userAgent, screen: `${screen.width}x${screen.height}` },
  }),
  onMessage: (message) => {
    handlers[message.type]?.(message);  // a page ignores types it does not know
    redraw();
  },
  onDrop: () => {
    model.linkUp = false;
    redraw();
  },
});

const handlers = {
  state(message) {
    model.offsetMs = clockOffset(message.server_time_ms, Date.now());
    Object.assign(model, {
      received: true,
      linkUp: true,
      mode: message.mode,
      shop: message.shop,
      station: message.station,
      session: message.session,
    });
    // A QR belongs to one mode: the server sends the new one after the state.
    if (message.mode !== 'locked') model.qr.login = null;
    if (message.mode !== 'unpaired') model.qr.pairing = null;
    connection.markHealthy();
  },
  qr(message) {
    if (message.purpose in model.qr) model.qr[message.purpose] = message;
  },
  paired(message) {
    storeToken(message.token);
  },
  unpaired(message) {
    if (message.reason === 'revoked') forgetToken();
    if (message.reason === 'replaced') showNotice({ text: 'TV lain dipasangkan ke stasiun ini', level: 'warning', seconds: 10 });
  },
  notice(message) {
    showNotice(message);
  },
  command(message) {
    connection.send({ type: 'ack', id: message.id });
    if (appliedCommands.has(message.id)) return;
    appliedCommands.add(message.id);
    commands[message.command]?.(message.args ?? {});
  },
  heartbeat(message) {
    if (typeof message.server_time_ms === 'number') model.offsetMs = clockOffset(message.server_time_ms, Date.now());
  },
  error(message) {
    if (message.code === 'invalid_token') forgetToken();
    console.warn(`tv: server error ${message.code}: ${message.message}`);
  },
};

const commands = {
  notice: (args) => showNotice(args),
  // A moment first, so the ack leaves before the page does.
  reload: () => setTimeout(() => location.reload(), 500),
  resync: () => connection.send({ type: 'resync' }),
};

function showNotice({ text, level = 'info', seconds = 10 }) {
  if (typeof text !== 'string' || !text) return;
  model.notice = { text, level, untilMs: Date.now() + Math.max(1, Number(seconds) || 10) * 1000 };
}

function redraw() {
  const now = Date.now();
  screens.render(viewOf(model, serverNow(now, model.offsetMs), now));
}

connection.start();
redraw();
setInterval(redraw, REDRAW_MS);
