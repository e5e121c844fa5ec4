import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { X } from 'lucide-preact';
import { tc } from '../i18n/common';
import { Button } from './button';

// Short messages in the corner: results of actions and live events that
// need attention. Warnings and errors stay longer.
export type ToastKind = 'info' | 'success' | 'warning' | 'danger';
export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  body?: ComponentChildren;
}

export const toasts = signal<Toast[]>([]);
let nextId = 1;
const MAX_VISIBLE = 5;

export function toast(kind: ToastKind, title: string, body?: ComponentChildren, durationMs?: number): number {
  const id = nextId++;
  toasts.value = [...toasts.value, { id, kind, title, body }].slice(-MAX_VISIBLE);
  const duration = durationMs ?? (kind === 'danger' || kind === 'warning' ? 9000 : 4000);
  setTimeout(() => dismissToast(id), duration);
  return id;
}

export function dismissToast(id: number): void {
  toasts.value = toasts.value.filter((item) => item.id !== id);
}

export function ToastHost() {
  return (
    <div class="toasts" aria-live="polite">
      {toasts.value.map((item) => (
        <div key={item.id} class={`toast toast--${item.kind}`} role={item.kind === 'danger' ? 'alert' : 'status'}>
          <div class="grow">
            <div class="toast__title">{item.title}</div>
            {item.body && <div class="toast__body">{item.body}</div>}
          </div>
          <Button variant="ghost" small label={tc('close')} icon={<X />} onClick={() => dismissToast(item.id)} />
        </div>
      ))}
    </div>
  );
}
