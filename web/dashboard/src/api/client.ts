// The one way the dashboard talks to the host: JSON over fetch with the
// signed-in user's token, and the host's one error shape turned into ApiError.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  // A raw body (a backup file) sent as is, instead of JSON.
  rawBody?: Blob | ArrayBuffer;
  signal?: AbortSignal;
}

interface ClientHooks {
  token: () => string | null;
  // A 401 on a signed-in call: the token expired or was revoked.
  onUnauthorized: () => void;
  // A 403 password_change_required: the user must change the password first.
  onPasswordChangeRequired: () => void;
}

let hooks: ClientHooks = {
  token: () => null,
  onUnauthorized: () => {},
  onPasswordChangeRequired: () => {},
};

export function configureClient(next: ClientHooks): void {
  hooks = next;
}

export const API_BASE = '/api/v1';

export async function apiResponse(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = hooks.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
    headers['Content-Type'] = 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }

  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'The host cannot be reached');
  }
  if (response.ok) return response;

  const failure = await errorOf(response);
  if (failure.status === 401 && token) hooks.onUnauthorized();
  if (failure.code === 'password_change_required') hooks.onPasswordChangeRequired();
  throw failure;
}

// Sends a request and returns its JSON body (undefined for 204).
export async function api<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = await response.json();
    if (body?.error?.code) return new ApiError(response.status, body.error.code, body.error.message ?? body.error.code);
  } catch {
    // Not the host's JSON error (a proxy, a crash): fall through.
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`);
}

// Builds a query string from the defined, non-empty values only.
export function query(parameters: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
