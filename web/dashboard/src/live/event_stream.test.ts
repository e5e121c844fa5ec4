import { afterEach, expect, it, vi } from 'vitest';
import type { BusEvent } from '../api/types';
import { liveStatus, onEvent, onResync, startLive, stopLive } from './event_stream';

// A text/event-stream body: the chunks, then either the end of the stream
// or a stream that stays open until the test stops the client.
function sseResponse(chunks: string[], { stayOpen = false } = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (!stayOpen) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

function eventChunk(topic: string, seq: number): string {
  const event: BusEvent = { topic, payload: { n: seq }, source: 'host', at: 0, seq };
  return `id: ${seq}\nevent: ${topic}\ndata: ${JSON.stringify(event)}\n\n`;
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

afterEach(() => {
  stopLive();
  vi.unstubAllGlobals();
});

it('delivers events, sends the token in a header and reconnects after the stream ends, asking views to reload', async () => {
  const requests: RequestInit[] = [];
  const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    requests.push(init);
    return requests.length === 1
      ? sseResponse(['retry: 3000\n\n', eventChunk('session.started', 1)])
      : sseResponse([': heartbeat\n\n', eventChunk('session.ended', 2)], { stayOpen: true });
  });
  vi.stubGlobal('fetch', fetchMock);
  const topics: string[] = [];
  const stopEvents = onEvent('session.*', (event) => topics.push(event.topic));
  let resyncs = 0;
  const stopResync = onResync(() => resyncs++);

  startLive(() => 'secret-token', () => {});
  await until(() => topics.length === 2);

  expect(topics).toEqual(['session.started', 'session.ended']);
  expect(fetchMock).toHaveBeenCalledTimes(2);
  expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/events');
  expect((requests[0].headers as Record<string, string>).Authorization).toBe('Bearer secret-token');
  // One reload per (re)connection: events sent while it was down are gone.
  expect(resyncs).toBe(2);
  expect(liveStatus.value).toBe('open');
  stopEvents();
  stopResync();
});

it('stops and signs out on 401 instead of retrying', async () => {
  const fetchMock = vi.fn(async () => new Response('{}', { status: 401 }));
  vi.stubGlobal('fetch', fetchMock);
  let unauthorized = 0;

  startLive(() => 'expired-token', () => unauthorized++);
  await until(() => unauthorized === 1);
  await new Promise((resolve) => setTimeout(resolve, 300));

  expect(fetchMock).toHaveBeenCalledTimes(1);
  expect(liveStatus.value).toBe('off');
});

it('skips an event that is not JSON and keeps reading', async () => {
  vi.stubGlobal('fetch', vi.fn(async () =>
    sseResponse(['event: x\ndata: {broken\n\n', eventChunk('station.updated', 3)], { stayOpen: true })));
  const seen: number[] = [];
  const stopEvents = onEvent('*', (event) => seen.push(event.seq));
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

  startLive(() => 'token', () => {});
  await until(() => seen.length === 1);

  expect(seen).toEqual([3]);
  expect(warn).toHaveBeenCalled();
  stopEvents();
});
