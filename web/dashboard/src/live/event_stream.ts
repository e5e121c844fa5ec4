import { signal } from '@preact/signals';
import { API_BASE } from '../api/client';
import type { BusEvent } from '../api/types';
import { SseParser } from './sse_parser';
import { topicMatches } from './topic_pattern';

// The dashboard's one connection to GET /api/v1/events. It is read with
// fetch rather than EventSource so the token travels in a header (not in
// the URL, where logs keep it) and every named event reaches one handler.
// It reconnects by itself; after every (re)connection the views reload
// what they show, because events sent while it was down are gone.
export type LiveStatus = 'off' | 'connecting' | 'open' | 'reconnecting';
export const liveStatus = signal<LiveStatus>('off');

type Handler = (event: BusEvent) => void;
interface Subscription {
  patterns: string[];
  handler: Handler;
}

const subscriptions = new Set<Subscription>();
const resyncHandlers = new Set<() => void>();

// A heartbeat comes every 15 s by default: three missed means a dead link.
const SILENCE_LIMIT_MS = 45_000;
const MAX_BACKOFF_MS = 10_000;

let controller: AbortController | null = null;
let onUnauthorized: () => void = () => {};

export function onEvent(patterns: string | string[], handler: Handler): () => void {
  const subscription = { patterns: Array.isArray(patterns) ? patterns : [patterns], handler };
  subscriptions.add(subscription);
  return () => subscriptions.delete(subscription);
}

export function onResync(handler: () => void): () => void {
  resyncHandlers.add(handler);
  return () => resyncHandlers.delete(handler);
}

// Delivers an event to the matching subscribers (also used by tests).
export function dispatchEvent(event: BusEvent): void {
  for (const subscription of [...subscriptions]) {
    if (!subscription.patterns.some((pattern) => topicMatches(pattern, event.topic))) continue;
    try {
      subscription.handler(event);
    } catch (error) {
      console.error(`live handler for ${event.topic} failed`, error);
    }
  }
}

export function startLive(token: () => string | null, unauthorized: () => void): void {
  stopLive();
  onUnauthorized = unauthorized;
  const current = new AbortController();
  controller = current;
  void run(token, current.signal);
}

export function stopLive(): void {
  controller?.abort();
  controller = null;
  liveStatus.value = 'off';
}

async function run(token: () => string | null, stop: AbortSignal): Promise<void> {
  let failures = 0;
  while (!stop.aborted) {
    liveStatus.value = failures === 0 ? 'connecting' : 'reconnecting';
    const outcome = await connectOnce(token(), stop);
    if (stop.aborted) return;
    if (outcome === 'unauthorized') {
      liveStatus.value = 'off';
      onUnauthorized();
      return;
    }
    liveStatus.value = 'reconnecting';
    failures = outcome === 'was_open' ? 1 : failures + 1;
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(failures, 5)) * (0.75 + Math.random() * 0.5);
    await sleep(delay, stop);
  }
}

type Outcome = 'unauthorized' | 'failed' | 'was_open';

async function connectOnce(currentToken: string | null, stop: AbortSignal): Promise<Outcome> {
  if (!currentToken) return 'unauthorized';
  const attempt = new AbortController();
  const abortAttempt = () => attempt.abort();
  stop.addEventListener('abort', abortAttempt);
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const feedWatchdog = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(abortAttempt, SILENCE_LIMIT_MS);
  };
  let opened = false;
  try {
    const response = await fetch(`${API_BASE}/events`, {
      headers: { Authorization: `Bearer ${currentToken}`, Accept: 'text/event-stream' },
      signal: attempt.signal,
      cache: 'no-store',
    });
    if (response.status === 401) return 'unauthorized';
    if (!response.ok || !response.body) return 'failed';
    opened = true;
    liveStatus.value = 'open';
    feedWatchdog();
    for (const handler of [...resyncHandlers]) handler();

    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      feedWatchdog();
      for (const message of parser.push(value)) {
        try {
          dispatchEvent(JSON.parse(message.data) as BusEvent);
        } catch (error) {
          console.warn('live: an event that is not JSON was skipped', error);
        }
      }
    }
  } catch {
    // A dropped connection, a stopped host or our own abort: reconnect below.
  } finally {
    clearTimeout(watchdog);
    stop.removeEventListener('abort', abortAttempt);
  }
  return opened ? 'was_open' : 'failed';
}

function sleep(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    }
    stop.addEventListener('abort', done);
  });
}
