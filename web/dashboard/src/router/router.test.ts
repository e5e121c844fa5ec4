import { expect, it } from 'vitest';
import { matchRoute, parseHash } from './router';

it('parses the hash into a path and a query', () => {
  expect(parseHash('').path).toBe('/');
  expect(parseHash('#/members/12?tab=history').path).toBe('/members/12');
  expect(parseHash('#/members/12?tab=history').query.get('tab')).toBe('history');
});

it('matches patterns with parameters', () => {
  expect(matchRoute('/members/:id', '/members/12')).toEqual({ id: '12' });
  expect(matchRoute('/members/:id', '/members')).toBeNull();
  expect(matchRoute('/', '/')).toEqual({});
  expect(matchRoute('/tv-pairing/:code', '/tv-pairing/123%20456')).toEqual({ code: '123 456' });
});
