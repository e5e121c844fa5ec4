import { signal } from '@preact/signals';
import { ApiError, api, query } from '../api/client';
import type { BusEvent } from '../api/types';
import { user } from '../auth/auth';
import { onEvent, onResync } from '../live/event_stream';
import { toast, type ToastKind } from '../ui/toast';
import { playChime } from './chime';

// The notification centre of the `notifications` plugin: what it stored for
// this user, read or not. While that plugin runs, its notifications are the
// dashboard's attention toasts (with a sound); without it the shell's own
// toasts (attention.ts) stand in.
export interface Notification {
  id: number;
  at: string;
  kind: string;
  severity: 'info' | 'warning' | 'critical' | string;
  title: string;
  body: string;
  station_id: number | null;
  station_code: string | null;
  session_id: number | null;
  read?: boolean;
}

interface Page {
  notifications: Notification[];
  unread_count: number;
  next_before_id: number | null;
}

const BASE = '/plugins/notifications/notifications';
export const notificationsAvailable = signal(false);
export const notifications = signal<Notification[]>([]);
export const unreadCount = signal(0);
export const nextBeforeId = signal<number | null>(null);

const toastKinds: Record<string, ToastKind> = { info: 'info', warning: 'warning', critical: 'danger' };

export async function loadNotifications(): Promise<void> {
  try {
    const page = await api<Page>(`${BASE}${query({ limit: 30 })}`);
    notifications.value = page.notifications;
    unreadCount.value = page.unread_count;
    nextBeforeId.value = page.next_before_id;
    notificationsAvailable.value = true;
  } catch (error) {
    // 404: the plugin is off; 403: this user may not see them.
    if (error instanceof ApiError && error.status !== 0) notificationsAvailable.value = false;
  }
}

export async function loadOlderNotifications(): Promise<void> {
  if (nextBeforeId.value === null) return;
  const page = await api<Page>(`${BASE}${query({ limit: 30, before_id: nextBeforeId.value })}`);
  notifications.value = [...notifications.value, ...page.notifications];
  nextBeforeId.value = page.next_before_id;
}

export async function markRead(id: number): Promise<void> {
  const reply = await api<{ unread_count: number }>(`${BASE}/${id}/read`, { method: 'POST' });
  notifications.value = notifications.value.map((item) => (item.id === id ? { ...item, read: true } : item));
  unreadCount.value = reply.unread_count;
}

export async function markAllRead(): Promise<void> {
  await api(`${BASE}/read-all`, { method: 'POST' });
  notifications.value = notifications.value.map((item) => ({ ...item, read: true }));
  unreadCount.value = 0;
}

function arrived(event: BusEvent<{ notification: Notification }>): void {
  const item = { ...event.payload.notification, read: false };
  if (notifications.value.some((known) => known.id === item.id)) return;
  notifications.value = [item, ...notifications.value];
  unreadCount.value += 1;
  notificationsAvailable.value = true;
  toast(toastKinds[item.severity] ?? 'info', item.title, item.body || undefined);
  playChime(item.severity);
}

export function followNotifications(): () => void {
  const stops = [
    onEvent(['notification.created', 'notification.system_created'], arrived),
    // Another tab or device of the same user read them.
    onEvent('notification.read', (event: BusEvent<{ user_id: number; id: number | null; unread_count: number }>) => {
      if (event.payload.user_id !== user.value?.id) return;
      notifications.value = notifications.value.map((item) =>
        event.payload.id === null || item.id === event.payload.id ? { ...item, read: true } : item);
      unreadCount.value = event.payload.unread_count;
    }),
    onEvent(['plugin.started', 'plugin.stopped'], (event: BusEvent<{ id: string }>) => {
      if (event.payload.id === 'notifications') void loadNotifications();
    }),
    onResync(() => void loadNotifications()),
  ];
  return () => stops.forEach((stop) => stop());
}
