import { useEffect, useState } from 'preact/hooks';

// `value` once it has stopped changing for `delayMs`: a search runs when
// the user pauses typing, not on every key.
export function useDebounced<T>(value: T, delayMs = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
