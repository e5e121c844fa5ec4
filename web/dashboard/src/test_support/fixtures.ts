import type { User } from '../api/types';

// A user for component tests: an admin, unless the fields say otherwise.
export function testUser(fields: Partial<User> = {}): User {
  return {
    id: 1, username: 'admin', display_name: 'Admin', role: 'admin', permissions: [], disabled: false,
    must_change_password: false, created_at: '2026-11-21T01:00:00.000Z', updated_at: '2026-11-21T01:00:00.000Z',
    ...fields,
  };
}

// The host's JSON answer, as a stubbed fetch returns it.
export function jsonReply(body: unknown, status = 200): Promise<Response> {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}
