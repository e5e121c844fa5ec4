import { useEffect, useState } from 'preact/hooks';
import { RotateCcw, X } from 'lucide-preact';
import { api } from '../../api/client';
import type { Package, SessionLogEntry, StationsReply } from '../../api/types';
import { tc } from '../../i18n/common';
import { useResource } from '../../live/hooks';
import { href, location, setQuery } from '../../router/router';
import { dateTime, money, settings, time } from '../../shop/settings';
import { Badge, type Tone } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Field, Select, TextInput } from '../../ui/field';
import { Empty, Loaded, Page } from '../../ui/page';
import { useDebounced } from '../members/use_debounced';
import { fetchPackages } from '../packages/package_list';
import { businessDayOf } from './business_day';
import { describeDetails } from './event_details';
import { rememberMemberName, useMemberNames } from './member_names';
import { MemberFilter } from './member_filter';
import { MoreButton } from './more_button';
import { t } from './messages';
import { ALL_DAYS, filtersFromQuery, logQuery } from './session_log_filters';
import { usePagedEntries } from './use_paged_entries';
import './session_log.css';

const PAGE_SIZE = 50;

const eventTones: Record<SessionLogEntry['event'], Tone> = {
  started: 'success', extended: 'info', paused: 'warning', resumed: 'info', moved: 'accent', ending_soon: 'warning', ended: 'neutral',
};

// Every session event, newest first, filtered by business day, station,
// member and operator. The filters live in the URL, so a filtered view can
// be shared; new events appear on top as they happen.
export function SessionLogPage() {
  const today = businessDayOf(new Date(), settings.value.time_zone, settings.value.business_day_start);
  const filters = filtersFromQuery(location.value.query, today);
  const [operatorText, setOperatorText] = useState(filters.operator);
  const operator = useDebounced(operatorText.trim());
  useEffect(() => {
    if (operator !== filters.operator) setQuery({ operator });
  }, [operator]);

  const stations = useResource((signal) => api<StationsReply>('/stations', { signal }), [], ['station.created', 'station.updated', 'station.deleted']);
  const packages = useResource((signal) => fetchPackages('all', signal), [], ['package.*']);
  const log = usePagedEntries<SessionLogEntry>(
    (beforeId, limit, signal) => api(`/session-log${logQuery(filters, beforeId, limit)}`, { signal }),
    [filters.day, filters.station, filters.member, filters.operator, filters.session],
    ['session.*'],
    PAGE_SIZE,
  );
  const memberName = useMemberNames([...(log.resource.data?.entries.map((entry) => entry.member_id) ?? []), filters.member]);
  const packageName = (id: number) => (packages.data ?? []).find((item: Package) => item.id === id)?.name ?? null;
  const filtered = location.value.query.toString() !== '';

  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <div class="toolbar log-filters">
        <Field label={t('day')}>
          {(id) => (
            <TextInput id={id} type="date" value={filters.day ?? ''} max={today}
              onValue={(value) => setQuery({ day: value === '' ? ALL_DAYS : value === today ? null : value })} />
          )}
        </Field>
        <Field label={t('station')}>
          {(id) => (
            <Select id={id} value={String(filters.station ?? '')} onValue={(value) => setQuery({ station: value })}
              options={[{ value: '', label: t('any_station') },
                ...(stations.data?.stations ?? []).map((station) => ({ value: String(station.id), label: station.code }))]} />
          )}
        </Field>
        <MemberFilter
          memberId={filters.member}
          memberName={filters.member === null ? '' : memberName(filters.member)}
          onPick={(member) => {
            if (member) rememberMemberName(member.id, member.name);
            setQuery({ member: member?.id ?? null });
          }}
        />
        <Field label={t('operator')}>
          {(id) => <TextInput id={id} type="search" value={operatorText} onValue={setOperatorText} placeholder={t('operator_placeholder')} autoComplete="off" />}
        </Field>
        <div class="row log-filters__buttons">
          {filters.day === null && <Button small onClick={() => setQuery({ day: null, session: null })}>{t('today')}</Button>}
          {filters.day !== null && <Button small onClick={() => setQuery({ day: ALL_DAYS })}>{t('all_days')}</Button>}
          {filtered && (
            <Button small variant="ghost" icon={<RotateCcw />} onClick={() => { setOperatorText(''); setQuery({ day: null, station: null, member: null, operator: null, session: null }); }}>
              {t('reset')}
            </Button>
          )}
        </div>
      </div>
      {filters.session !== null && (
        <div class="row">
          <Badge tone="accent">{t('session_filter', { id: filters.session })}</Badge>
          <Button small variant="ghost" icon={<X />} onClick={() => setQuery({ session: null })}>{t('clear_session')}</Button>
        </div>
      )}
      <Loaded resource={log.resource}>
        {(page) => page.entries.length === 0 ? <Empty>{t('none')}</Empty> : (
          <>
            <div class="table-wrap">
              <table class="table log-table" data-testid="session-log">
                <thead>
                  <tr>
                    <th>{t('at')}</th><th>{t('station')}</th><th>{t('event')}</th><th>{t('member')}</th>
                    <th>{t('actor')}</th><th>{t('details')}</th><th>{t('session')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.entries.map((entry) => (
                    <tr key={entry.id} data-event={entry.event}>
                      <td data-label={t('at')} class="nowrap" title={dateTime(entry.at)}>
                        {filters.day === null ? dateTime(entry.at) : time(entry.at)}
                      </td>
                      <td data-label={t('station')}><strong>{entry.station_code}</strong></td>
                      <td data-label={t('event')}><Badge tone={eventTones[entry.event]}>{t(`event_${entry.event}`)}</Badge></td>
                      <td data-label={t('member')}>
                        {entry.member_id === null ? <span class="faint">{t('walk_in')}</span>
                          : <a href={href(`/members/${entry.member_id}`)}>{memberName(entry.member_id)}</a>}
                      </td>
                      <td data-label={t('actor')}>{entry.actor}</td>
                      <td data-label={t('details')} class="log-details">{describeDetails(entry, { money, time, packageName }) || tc('none')}</td>
                      <td data-label={t('session')}>
                        <a href={href(`/session-log?session=${entry.session_id}`)}>#{entry.session_id}</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <MoreButton page={page} more={log.more} loading={log.loadingMore} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
