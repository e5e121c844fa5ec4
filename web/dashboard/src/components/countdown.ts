import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Session } from '../api/types';

// One clock for every countdown on the dashboard: a signal that ticks once a
// second while some view uses it, and the offset of the host's clock from
// this browser's (from GET /stations' server_time), so a PC whose clock is
// a few minutes off still shows the right remaining time.
export const nowTick = signal(Date.now());

let serverOffsetMs = 0;
let users = 0;
let ticker: ReturnType<typeof setInterval> | undefined;

// The host's clock now, as far as this browser can tell.
export function serverNow(localNow: number = nowTick.value): number {
  return localNow + serverOffsetMs;
}

// Remembers the offset from a reply's server_time, received at `receivedAt`.
export function syncServerTime(serverTime: string, receivedAt: number = Date.now()): void {
  const server = Date.parse(serverTime);
  if (!Number.isNaN(server)) serverOffsetMs = server - receivedAt;
}

// Keeps the one-second ticker running while the calling component is mounted.
export function useSecondTicker(): void {
  useEffect(() => {
    users += 1;
    if (users === 1) {
      nowTick.value = Date.now();
      ticker = setInterval(() => (nowTick.value = Date.now()), 1000);
    }
    return () => {
      users -= 1;
      if (users === 0) clearInterval(ticker);
    };
  }, []);
}

export interface SessionTimes {
  // Null for open play, which has no end.
  remainingMs: number | null;
  playedMs: number;
}

// A live session's remaining and played time at `now` (host clock), from the
// snapshot the host sent at `snapshotAt` (its server_time). A paused session
// stands still.
export function sessionTimes(session: Pick<Session, 'state' | 'remaining_ms' | 'played_ms'>, snapshotAt: number, now: number): SessionTimes {
  const elapsed = session.state === 'running' ? Math.max(0, now - snapshotAt) : 0;
  return {
    remainingMs: session.remaining_ms === null ? null : Math.max(0, session.remaining_ms - elapsed),
    playedMs: session.played_ms + elapsed,
  };
}
