import { expect, it } from 'vitest';
import { topicMatches } from './topic_pattern';

it('matches exact topics, prefixes and everything', () => {
  expect(topicMatches('session.started', 'session.started')).toBe(true);
  expect(topicMatches('session.started', 'session.ended')).toBe(false);
  expect(topicMatches('session.*', 'session.ended')).toBe(true);
  expect(topicMatches('session.*', 'sessions.x')).toBe(false);
  expect(topicMatches('*', 'anything')).toBe(true);
});
