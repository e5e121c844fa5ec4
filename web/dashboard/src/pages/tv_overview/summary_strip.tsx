import { api } from '../../api/client';
import { can } from '../../auth/auth';
import { serverNow } from '../../components/countdown';
import { useResource } from '../../live/hooks';
import { money, settings } from '../../shop/settings';
import { t } from './messages';
import { businessDayOf } from '../session_log/business_day';
import type { Summary } from './station_status';

interface DayRevenue {
  revenue: number;
}

// Counts at a glance above the cards, and today's takings for who may see sales.
export function SummaryStrip({ summary, ending }: { summary: Summary; ending: number }) {
  return (
    <div class="tv-summary" role="group" aria-label={t('title')}>
      <SummaryItem label={t('summary_active')} value={summary.active} tone="success" />
      <SummaryItem label={t('summary_free')} value={summary.free} tone="neutral" />
      <SummaryItem label={t('summary_ending')} value={ending} tone={ending > 0 ? 'warning' : 'neutral'} />
      <SummaryItem label={t('summary_offline')} value={summary.tvOffline} tone={summary.tvOffline > 0 ? 'danger' : 'neutral'} />
      {can('sales.view') && <TodayRevenue />}
    </div>
  );
}

function SummaryItem({ label, value, tone }: { label: string; value: string | number; tone: string }) {
  return (
    <div class={`tv-summary__item tv-summary__item--${tone}`} data-testid={`summary-${label}`}>
      <span class="tv-summary__value num">{value}</span>
      <span class="tv-summary__label">{label}</span>
    </div>
  );
}

function TodayRevenue() {
  const { time_zone: zone, business_day_start: dayStart } = settings.value;
  const day = businessDayOf(new Date(serverNow(Date.now())), zone, dayStart);
  const revenue = useResource((signal) => api<DayRevenue>(`/business-days/${day}`, { signal }), [day],
    ['session.*', 'member.package_bought', 'day.*']);
  if (revenue.data === undefined) return null;
  return <SummaryItem label={t('summary_revenue')} value={money(revenue.data.revenue)} tone="accent" />;
}
