// Reconnect delays: 1 s doubling to 30 s, plus up to 50 % random jitter so a
// shop full of TVs does not reconnect in lockstep after the host restarts.
export const BACKOFF_START_MS = 1000;
export const BACKOFF_MAX_MS = 30000;
export const BACKOFF_JITTER = 0.5;

// The delay before reconnect number `attempt` (0 for the first after a drop);
// `random` is a number in [0, 1), Math.random in the page.
export function backoffDelay(attempt, random = Math.random()) {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.min(attempt, 16));
  return Math.round(base * (1 + BACKOFF_JITTER * random));
}
