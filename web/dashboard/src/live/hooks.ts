import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { BusEvent } from '../api/types';
import { onEvent, onResync } from './event_stream';

// Runs `handler` for every live event matching `patterns` while the
// component is mounted. The latest handler is used without resubscribing.
export function useLiveEvent(patterns: string | string[], handler: (event: BusEvent) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  const key = Array.isArray(patterns) ? patterns.join('|') : patterns;
  useEffect(() => onEvent(key.split('|'), (event) => latest.current(event)), [key]);
}

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (next: T) => void;
}

// Loads data for a view and keeps it current: it loads again when `deps`
// change, when a live event matching `refreshOn` arrives (coalesced, so a
// burst of events costs one request) and after the live stream reconnects.
// The old data stays on screen while the new loads, so nothing flickers.
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
  refreshOn: string[] = [],
): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const inFlight = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const reload = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    loadRef
      .current(controller.signal)
      .then((value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(undefined);
      })
      .catch((failure) => {
        if (controller.signal.aborted) return;
        setError(failure);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
  }, []);

  const reloadSoon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(reload, 120);
  }, [reload]);

  useEffect(() => {
    reload();
    return () => inFlight.current?.abort();
  }, deps);

  const refreshKey = refreshOn.join('|');
  useEffect(() => {
    const unsubscribers = [onResync(reloadSoon)];
    if (refreshKey) unsubscribers.push(onEvent(refreshKey.split('|'), reloadSoon));
    return () => {
      clearTimeout(timer.current);
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [refreshKey, reloadSoon]);

  return { data, error, loading, reload, setData };
}
