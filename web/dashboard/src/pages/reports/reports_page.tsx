import { api, query } from '../../api/client';
import { formatDay } from '../../format/time';
import { lang } from '../../i18n/i18n';
import { useResource } from '../../live/hooks';
import { location, setQuery } from '../../router/router';
import { money, settings, time } from '../../shop/settings';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Field, TextInput } from '../../ui/field';
import { Empty, Loaded, Page } from '../../ui/page';
import { businessDayOf } from '../session_log/business_day';
import { DayBreakdown } from './day_breakdown';
import { t } from './messages';
import { hoursAndMinutes, rangeFromQuery, rangeTotals } from './report_range';
import type { BusinessDay } from './report_types';
import { SalesList, SALES_EVENTS } from './sales_list';
import './reports.css';

// Revenue, sessions and play time per business day for a range (a week by
// default), and for the chosen day its breakdown by station and operator
// and its sales. Range and day live in the URL (?from=&to=&day=).
export function ReportsPage() {
  const today = businessDayOf(new Date(), settings.value.time_zone, settings.value.business_day_start);
  const range = rangeFromQuery(location.value.query, today);
  const days = useResource(
    (signal) => api<{ days: BusinessDay[] }>(`/business-days${query({ from: range.from, to: range.to })}`, { signal }),
    [range.from, range.to],
    SALES_EVENTS,
  );
  const list = days.data?.days ?? [];
  const chosen = list.find((day) => day.day === range.day) ?? list[0];
  const totals = rangeTotals(list);

  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <div class="toolbar">
        <Field label={t('from')}>
          {(id) => <TextInput id={id} type="date" value={range.from} max={range.to} onValue={(value) => value && setQuery({ from: value })} />}
        </Field>
        <Field label={t('to')}>
          {(id) => <TextInput id={id} type="date" value={range.to} max={today} onValue={(value) => value && setQuery({ to: value === today ? null : value })} />}
        </Field>
        <Button onClick={() => setQuery({ from: null, to: null, day: null })}>{t('this_week')}</Button>
      </div>
      <div class="grid reports-totals" data-testid="range-totals">
        <div class="card reports-stat reports-stat--accent"><span>{t('revenue')}</span><strong class="num">{money(totals.revenue)}</strong></div>
        <div class="card reports-stat"><span>{t('sessions')}</span><strong class="num">{totals.sessions}</strong></div>
        <div class="card reports-stat"><span>{t('minutes')}</span><strong class="num">{t('hours', hoursAndMinutes(totals.minutes))}</strong></div>
      </div>
      <Loaded resource={days}>
        {() => list.length === 0 ? <Empty>{t('no_days')}</Empty> : (
          <>
            <section class="stack">
              <h2>{t('days')}</h2>
              <div class="table-wrap">
                <table class="table" data-testid="business-days">
                  <thead>
                    <tr><th>{t('day')}</th><th>{t('status')}</th><th class="right">{t('sessions')}</th><th class="right">{t('minutes')}</th><th class="right">{t('revenue')}</th></tr>
                  </thead>
                  <tbody>
                    {list.map((day) => (
                      <tr key={day.day} class={`is-clickable${day.day === chosen?.day ? ' is-chosen' : ''}`}
                        onClick={() => setQuery({ day: day.day })}>
                        <td data-label={t('day')}>
                          <button type="button" class="reports-day" aria-label={t('pick_day', { day: formatDay(day.day, lang.value) })}>
                            {formatDay(day.day, lang.value)}
                          </button>
                        </td>
                        <td data-label={t('status')}>
                          {day.closed
                            ? <Badge title={day.closed_at ? time(day.closed_at) : undefined}>{t('closed')}</Badge>
                            : <Badge tone="success">{t('open')}</Badge>}
                        </td>
                        <td data-label={t('sessions')} class="right num">{day.sessions}</td>
                        <td data-label={t('minutes')} class="right num">{t('hours', hoursAndMinutes(day.minutes))}</td>
                        <td data-label={t('revenue')} class="right num"><strong>{money(day.revenue)}</strong></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            {chosen && (
              <section class="stack" aria-label={t('day_title', { day: formatDay(chosen.day, lang.value) })}>
                <h2>{t('day_title', { day: formatDay(chosen.day, lang.value) })}</h2>
                <DayBreakdown day={chosen} />
                <SalesList day={chosen.day} stationCode={(id) => chosen.by_station.find((row) => row.station_id === id)?.code ?? `#${id}`} />
              </section>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
