// A small client of the host's JSON API (docs/api.md).
const REQUEST_TIMEOUT_MS = 10_000;

export class Api {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.token = null;
  }

  // The parsed body of a 2xx answer; anything else throws with the answer.
  async call(method, path, body) {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  // Signs in as the first-run admin and sets a real password, which the host
  // asks for before any change.
  async signInAsNewAdmin() {
    this.token = (await this.call('POST', '/auth/login', { username: 'admin', password: 'ikbal' })).token;
    this.token = (await this.call('POST', '/auth/password',
      { current_password: 'ikbal', new_password: 'browser-test-password' })).token;
  }
}
