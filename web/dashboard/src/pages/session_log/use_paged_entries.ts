import { useRef, useState } from 'preact/hooks';
import { type Resource, useResource } from '../../live/hooks';

// One page of a newest-first list read with before_id (session log,
// balance history, sales).
export interface EntriesPage<T> {
  entries: T[];
  next_before_id: number | null;
}

export interface PagedEntries<T, P extends EntriesPage<T>> {
  resource: Resource<P>;
  // Appends the next page; a no-op on the last page.
  more: () => Promise<void>;
  loadingMore: boolean;
}

export const MAX_PAGE = 500;

// A before_id-paged list that follows the live stream. A live refresh reads
// again as many entries as are on screen (up to MAX_PAGE), so the pages the
// user already opened stay open and new entries appear on top. Other fields
// of a page (a total) are kept from the first page.
export function usePagedEntries<T, P extends EntriesPage<T> = EntriesPage<T>>(
  fetchPage: (beforeId: number | null, limit: number, signal?: AbortSignal) => Promise<P>,
  deps: unknown[],
  refreshOn: string[],
  pageSize: number,
): PagedEntries<T, P> {
  const shown = useRef(pageSize);
  const depsKey = JSON.stringify(deps);
  const lastDeps = useRef(depsKey);
  if (lastDeps.current !== depsKey) {
    // Other filters: start again from one page.
    lastDeps.current = depsKey;
    shown.current = pageSize;
  }
  const [loadingMore, setLoadingMore] = useState(false);
  const resource = useResource(
    (signal) => fetchPage(null, Math.min(MAX_PAGE, Math.max(pageSize, shown.current)), signal),
    deps,
    refreshOn,
  );

  async function more(): Promise<void> {
    const current = resource.data;
    if (!current || current.next_before_id === null || loadingMore) return;
    setLoadingMore(true);
    try {
      const next = await fetchPage(current.next_before_id, pageSize);
      const entries = [...current.entries, ...next.entries];
      shown.current = entries.length;
      resource.setData({ ...current, entries, next_before_id: next.next_before_id });
    } finally {
      setLoadingMore(false);
    }
  }

  return { resource, more, loadingMore };
}
