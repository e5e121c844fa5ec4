import { backoffDelay } from './backoff.mjs';

const HEARTBEAT_MS = 20000;
// The server answers every heartbeat, so a link with no message for two and a
// half heartbeats is dead even if the socket has not noticed (a pulled cable).
const SILENCE_LIMIT_MS = 50000;

// One WebSocket to the tv-websocket plugin that keeps itself up: it sends
// `hello` on every open, a heartbeat every 20 s, and reconnects after a drop
// with backoff. Messages and drops go to the callbacks.
export class TvConnection {
  constructor({ url, hello, onMessage, onDrop }) {
    this.url = url;
    this.hello = hello;
    this.onMessage = onMessage;
    this.onDrop = onDrop;
    this.socket = null;
    this.attempt = 0;
    this.lastMessageAt = 0;
    this.heartbeatTimer = null;
  }

  start() {
    this.open();
  }

  send(message) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  // Called once the server's snapshot arrived: the next drop starts the
  // backoff from 1 s again.
  markHealthy() {
    this.attempt = 0;
  }

  open() {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.lastMessageAt = Date.now();
      this.send(this.hello());
      this.heartbeatTimer = setInterval(() => this.beat(), HEARTBEAT_MS);
    };
    socket.onmessage = (event) => {
      this.lastMessageAt = Date.now();
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        console.warn('tv: not JSON from the server', event.data);
        return;
      }
      if (message && typeof message.type === 'string') this.onMessage(message);
    };
    socket.onclose = () => this.dropped(socket);
    socket.onerror = () => socket.close();
  }

  beat() {
    if (Date.now() - this.lastMessageAt > SILENCE_LIMIT_MS) {
      this.socket.close();
      this.dropped(this.socket);
      return;
    }
    this.send({ type: 'heartbeat' });
  }

  // Runs once per socket (close and the silence check may both report it).
  dropped(socket) {
    if (socket !== this.socket) return;
    this.socket = null;
    clearInterval(this.heartbeatTimer);
    this.onDrop();
    setTimeout(() => this.open(), backoffDelay(this.attempt));
    this.attempt += 1;
  }
}
