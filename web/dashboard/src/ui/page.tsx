import type { ComponentChildren } from 'preact';
import { AlertTriangle, Inbox } from 'lucide-preact';
import { errorMessage, tc } from '../i18n/common';
import { Button } from './button';

interface PageProps {
  title: ComponentChildren;
  subtitle?: ComponentChildren;
  actions?: ComponentChildren;
  children: ComponentChildren;
}

// The frame of every page: a title row with its actions, then the content.
export function Page({ title, subtitle, actions, children }: PageProps) {
  return (
    <section class="page">
      <header class="page__header">
        <div class="page__title">
          <h1>{title}</h1>
          {subtitle && <span class="page__subtitle">{subtitle}</span>}
        </div>
        {actions && <div class="row">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function Loading() {
  return (
    <div class="state" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>{tc('loading')}</span>
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="state" role="alert">
      <AlertTriangle />
      <span>{tc('load_failed', { message: errorMessage(error) })}</span>
      {onRetry && <Button onClick={onRetry}>{tc('retry')}</Button>}
    </div>
  );
}

export function Empty({ children }: { children?: ComponentChildren }) {
  return (
    <div class="state">
      <Inbox />
      <span>{children ?? tc('empty')}</span>
    </div>
  );
}

// Shows loading / error / content for a resource without repeating the
// three-way branch on every page. Old data stays while a reload runs.
export function Loaded<T>({ resource, children }: {
  resource: { data: T | undefined; error: unknown; reload: () => void };
  children: (data: T) => ComponentChildren;
}) {
  if (resource.data !== undefined) return <>{children(resource.data)}</>;
  if (resource.error) return <LoadError error={resource.error} onRetry={resource.reload} />;
  return <Loading />;
}
