import { computed, signal } from '@preact/signals';
import { api, configureClient } from '../api/client';
import type { LoginReply, User } from '../api/types';

// Who is signed in. The token lives in localStorage so a reload keeps the
// user signed in, other tabs follow a sign-out, and a plugin's page (same
// origin, in a frame) can call the API with it.
const TOKEN_KEY = 'billing.token';
const EXPIRES_KEY = 'billing.expires_at';

export type AuthStatus = 'checking' | 'signed_out' | 'signed_in';
export type SignOutReason = 'logged_out' | 'expired' | null;

export const token = signal<string | null>(readStorage(TOKEN_KEY));
export const user = signal<User | null>(null);
export const authStatus = signal<AuthStatus>(token.value ? 'checking' : 'signed_out');
export const signOutReason = signal<SignOutReason>(null);
export const mustChangePassword = computed(() => user.value?.must_change_password === true);

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode): the session lasts for this page.
  }
}

function accept(reply: LoginReply): void {
  token.value = reply.token;
  user.value = reply.user;
  writeStorage(TOKEN_KEY, reply.token);
  writeStorage(EXPIRES_KEY, reply.expires_at);
  signOutReason.value = null;
  authStatus.value = 'signed_in';
  scheduleExpiry(reply.expires_at);
}

// Signs out when the token's own expiry comes, so an idle dashboard shows
// the sign-in form instead of failing on the next click.
function scheduleExpiry(expiresAt: string | null): void {
  clearTimeout(expiryTimer);
  if (!expiresAt) return;
  const delay = Date.parse(expiresAt) - Date.now();
  if (Number.isNaN(delay)) return;
  // setTimeout cannot wait more than ~24.8 days; a token lasts 24 h.
  expiryTimer = setTimeout(() => signOut('expired'), Math.max(0, Math.min(delay, 2 ** 31 - 1)));
}

export function signOut(reason: Exclude<SignOutReason, null>): void {
  clearTimeout(expiryTimer);
  token.value = null;
  user.value = null;
  writeStorage(TOKEN_KEY, null);
  writeStorage(EXPIRES_KEY, null);
  signOutReason.value = reason;
  authStatus.value = 'signed_out';
}

export async function login(username: string, password: string): Promise<void> {
  accept(await api<LoginReply>('/auth/login', { body: { username, password } }));
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  accept(await api<LoginReply>('/auth/password', {
    body: { current_password: currentPassword, new_password: newPassword },
  }));
}

// Checks a stored token at start-up (it may have expired or been revoked).
export async function restoreSession(): Promise<void> {
  if (!token.value) {
    authStatus.value = 'signed_out';
    return;
  }
  try {
    const reply = await api<{ user: User }>('/auth/me');
    user.value = reply.user;
    authStatus.value = 'signed_in';
    scheduleExpiry(readStorage(EXPIRES_KEY));
  } catch {
    signOut('expired');
  }
}

export function updateUser(next: User): void {
  if (user.value && next.id === user.value.id) user.value = next;
}

export function isAdmin(): boolean {
  return user.value?.role === 'admin';
}

// Whether the signed-in user holds a permission (admins hold all). The
// server checks every call anyway; this only hides what would be refused.
export function can(permission: string): boolean {
  const current = user.value;
  if (!current) return false;
  return current.role === 'admin' || current.permissions.includes(permission);
}

export function installAuth(): void {
  configureClient({
    token: () => token.value,
    onUnauthorized: () => signOut('expired'),
    onPasswordChangeRequired: () => {
      if (user.value) user.value = { ...user.value, must_change_password: true };
    },
  });
  // Another tab signed out or in: follow it.
  window.addEventListener('storage', (event) => {
    if (event.key !== TOKEN_KEY) return;
    if (!event.newValue) {
      if (token.value) signOut('logged_out');
    } else if (event.newValue !== token.value) {
      token.value = event.newValue;
      void restoreSession();
    }
  });
}
