import { useState } from 'preact/hooks';
import { ChevronDown, ChevronRight } from 'lucide-preact';
import type { AuditEntry } from '../../api/types';
import { tc } from '../../i18n/common';
import { setQuery } from '../../router/router';
import { dateTime } from '../../shop/settings';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { statusTone } from './audit_query';
import { t } from './messages';

function hasDetails(details: unknown): boolean {
  if (details === null || details === undefined || details === '') return false;
  return typeof details !== 'object' || Object.keys(details as object).length > 0;
}

// A value that filters the list when clicked (actor, action, target).
function FilterLink({ name, value }: { name: 'actor' | 'action' | 'target'; value: string }) {
  if (!value) return <span class="faint">{tc('none')}</span>;
  return (
    <button type="button" class="link-button" title={t('filter_by', { value })} onClick={() => setQuery({ [name]: value })}>
      {value}
    </button>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  return (
    <div class="table-wrap">
      <table class="table audit-table">
        <thead>
          <tr>
            <th>{t('time')}</th>
            <th>{t('actor')}</th>
            <th>{t('action')}</th>
            <th>{t('target')}</th>
            <th>{t('request')}</th>
            <th>{t('status')}</th>
            <th>{t('address')}</th>
            <th><span class="sr-only">{t('details')}</span></th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const expanded = open.has(entry.id);
            const details = hasDetails(entry.details);
            return [
              <tr key={entry.id} data-audit-id={entry.id} class={expanded ? 'is-expanded' : undefined}>
                <td data-label={t('time')} class="nowrap num">{dateTime(entry.at)}</td>
                <td data-label={t('actor')}><FilterLink name="actor" value={entry.actor} /></td>
                <td data-label={t('action')}><FilterLink name="action" value={entry.action} /></td>
                <td data-label={t('target')}><FilterLink name="target" value={entry.target} /></td>
                <td data-label={t('request')} class="audit-table__request">
                  <code><span class="audit-table__method">{entry.method}</span> {entry.path}</code>
                </td>
                <td data-label={t('status')}><Badge tone={statusTone(entry.status)}>{entry.status}</Badge></td>
                <td data-label={t('address')} class="mono faint">{entry.remote_address}</td>
                <td data-label="">
                  {details && (
                    <Button
                      small
                      variant="ghost"
                      aria-expanded={expanded}
                      label={t(expanded ? 'hide_details' : 'show_details', { id: entry.id })}
                      icon={expanded ? <ChevronDown /> : <ChevronRight />}
                      onClick={() => toggle(entry.id)}
                    />
                  )}
                </td>
              </tr>,
              expanded && (
                <tr key={`${entry.id}-details`} class="audit-table__details">
                  <td colSpan={8} data-label="">
                    <pre>{typeof entry.details === 'string' ? entry.details : JSON.stringify(entry.details, null, 2)}</pre>
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
