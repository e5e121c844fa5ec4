import { useEffect, useState } from 'preact/hooks';
import { FunnelX, Search } from 'lucide-preact';
import { setQuery } from '../../router/router';
import { Button } from '../../ui/button';
import { Field, TextInput } from '../../ui/field';
import { type AuditFilters, FILTER_KEYS, filterProblems } from './audit_query';
import { t } from './messages';

// The filter bar: typed values are applied to the URL together (Enter or
// the button), so the list is not reloaded on every keystroke.
export function AuditFilterBar({ filters, timeZone }: { filters: AuditFilters; timeZone: string }) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [JSON.stringify(filters)]);
  const problems = filterProblems(draft, timeZone);
  const set = (key: keyof AuditFilters) => (value: string) => setDraft({ ...draft, [key]: value });
  const empty = FILTER_KEYS.every((key) => !filters[key]);

  return (
    <form
      class="toolbar audit-filters"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        if (Object.keys(problems).length === 0) setQuery(draft);
      }}
    >
      <Field label={t('from')}>
        {(id) => <TextInput id={id} type="datetime-local" value={draft.from} onValue={set('from')} />}
      </Field>
      <Field label={t('to')} error={problems.to && t(problems.to)}>
        {(id, invalid) => <TextInput id={id} type="datetime-local" value={draft.to} invalid={invalid} onValue={set('to')} />}
      </Field>
      <Field label={t('actor')}>
        {(id) => <TextInput id={id} value={draft.actor} placeholder="admin" onValue={set('actor')} />}
      </Field>
      <Field label={t('action')}>
        {(id) => <TextInput id={id} value={draft.action} placeholder="settings.update" onValue={set('action')} />}
      </Field>
      <Field label={t('target')}>
        {(id) => <TextInput id={id} value={draft.target} placeholder="user:2" onValue={set('target')} />}
      </Field>
      <Field label={t('status')} error={problems.status && t(problems.status)}>
        {(id, invalid) => <TextInput id={id} value={draft.status} invalid={invalid} inputMode="numeric" placeholder="403" onValue={set('status')} />}
      </Field>
      <div class="row audit-filters__buttons">
        <Button type="submit" variant="primary" icon={<Search />}>{t('apply')}</Button>
        {!empty && (
          <Button variant="ghost" icon={<FunnelX />} onClick={() => setQuery(Object.fromEntries(FILTER_KEYS.map((key) => [key, null])))}>
            {t('clear')}
          </Button>
        )}
      </div>
    </form>
  );
}
