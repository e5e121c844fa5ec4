import type { ComponentChildren } from 'preact';

export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info' | 'accent';

export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ComponentChildren; title?: string }) {
  return <span class={`badge badge--${tone}`} title={title}>{children}</span>;
}
