import { describe, expect, it } from 'vitest';
import { SseParser } from './sse_parser';

describe('SseParser', () => {
  it('returns an event once its blank line arrives, across chunks', () => {
    const parser = new SseParser();
    expect(parser.push('retry: 3000\n\nid: 7\nevent: session.started\nda')).toEqual([]);
    expect(parser.retryMs).toBe(3000);
    expect(parser.push('ta: {"topic":"session.started"}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ id: '7', event: 'session.started', data: '{"topic":"session.started"}' }]);
  });

  it('skips comments (heartbeats) and joins multi-line data', () => {
    const parser = new SseParser();
    expect(parser.push(': heartbeat\n\ndata: a\ndata: b\n\n')).toEqual([{ id: null, event: 'message', data: 'a\nb' }]);
  });

  it('accepts CRLF line ends, also split between chunks', () => {
    const parser = new SseParser();
    expect(parser.push('data: x\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ id: null, event: 'message', data: 'x' }]);
  });

  it('sends nothing for a block without data', () => {
    expect(new SseParser().push('event: lonely\n\n')).toEqual([]);
  });
});
