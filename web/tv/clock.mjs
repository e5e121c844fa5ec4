// Time arithmetic of the TV page, free of the DOM so node can test it.
// All instants are Unix milliseconds.

// The server's clock minus the TV's, measured when a message arrives.
export function clockOffset(serverTimeMs, receivedAtMs) {
  return serverTimeMs - receivedAtMs;
}

// The server's "now", from the TV's clock and the last measured offset.
export function serverNow(localNowMs, offsetMs) {
  return localNowMs + offsetMs;
}

// What the active screen shows: a countdown to the deadline, or for open play
// (no deadline) the time played since the start. `expired` is true once a
// countdown reached zero: the page then locks by itself.
export function sessionClock(session, serverNowMs) {
  if (session.deadline_at_ms == null) {
    return { countsUp: true, ms: Math.max(0, serverNowMs - session.started_at_ms), expired: false };
  }
  const remaining = session.deadline_at_ms - serverNowMs;
  return { countsUp: false, ms: Math.max(0, remaining), expired: remaining <= 0 };
}

const pad = (n) => String(n).padStart(2, '0');

// "1:05:09" style is hard to read across a room: HH:MM:SS from an hour on,
// MM:SS below. A countdown rounds up (it shows 00:01 until the last
// millisecond is gone, and 00:00 only at the deadline); a count-up rounds down.
export function formatDuration(ms, { roundUp = false } = {}) {
  const totalSeconds = roundUp ? Math.ceil(ms / 1000) : Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${pad(hours)}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}
