// What the TV remembers across reloads, in localStorage: its device token
// (from `paired`) and its device key (made once, so an unpaired TV that
// reconnects stays one pending device).
const TOKEN_KEY = 'tv.token';
const DEVICE_KEY_KEY = 'tv.device_key';
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

// 32 characters of [A-Za-z0-9_-] from a source of random bytes. The alphabet
// has 64 letters, so a byte's low 6 bits pick one without bias.
export function makeDeviceKey(randomBytes) {
  return Array.from(randomBytes(32), (byte) => KEY_ALPHABET[byte & 63]).join('');
}

export function deviceKey(storage = localStorage) {
  let key = storage.getItem(DEVICE_KEY_KEY);
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(key ?? '')) {
    key = makeDeviceKey((n) => crypto.getRandomValues(new Uint8Array(n)));
    storage.setItem(DEVICE_KEY_KEY, key);
  }
  return key;
}

export function storedToken(storage = localStorage) {
  return storage.getItem(TOKEN_KEY);
}

export function storeToken(token, storage = localStorage) {
  storage.setItem(TOKEN_KEY, token);
}

export function forgetToken(storage = localStorage) {
  storage.removeItem(TOKEN_KEY);
}
