import { signal } from '@preact/signals';

// Hash routing ("/#/members/12?tab=history"): the host serves one page and
// links from elsewhere (a TV's pairing QR: /#/tv-pairing/123456) keep working.
export interface Location {
  path: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?', 2);
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(search) };
}

export const location = signal<Location>(parseHash(window.location.hash));

window.addEventListener('hashchange', () => {
  location.value = parseHash(window.location.hash);
});

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const hash = `#${to}`;
  if (options.replace) window.history.replaceState(null, '', hash);
  else window.history.pushState(null, '', hash);
  location.value = parseHash(hash);
}

// Replaces the query of the current route (filters), keeping the path.
export function setQuery(values: Record<string, string | number | null | undefined>): void {
  const query = new URLSearchParams(location.value.query);
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') query.delete(key);
    else query.set(key, String(value));
  }
  const text = query.toString();
  navigate(`${location.value.path}${text ? `?${text}` : ''}`, { replace: true });
}

// Matches "/members/:id" against a path; returns the parameters or null.
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = path.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i++) {
    const expected = patternParts[i];
    if (expected.startsWith(':')) params[expected.slice(1)] = decodeURIComponent(pathParts[i]);
    else if (expected !== pathParts[i]) return null;
  }
  return params;
}

export function href(path: string): string {
  return `#${path}`;
}
