import { api, query } from '../../api/client';
import type { Package } from '../../api/types';

// GET /packages: every package, or only the active or retired ones.
export async function fetchPackages(active: 'true' | 'false' | 'all' = 'all', signal?: AbortSignal): Promise<Package[]> {
  return (await api<{ packages: Package[] }>(`/packages${query({ active })}`, { signal })).packages;
}
