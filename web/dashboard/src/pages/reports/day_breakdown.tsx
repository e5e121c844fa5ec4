import { money } from '../../shop/settings';
import { t } from './messages';
import { hoursAndMinutes } from './report_range';
import type { BusinessDay } from './report_types';

// One day's revenue by station and by operator, side by side on a wide
// screen.
export function DayBreakdown({ day }: { day: BusinessDay }) {
  return (
    <div class="reports-split">
      <section class="card stack">
        <h3>{t('by_station')}</h3>
        {day.by_station.length === 0 ? <p class="muted">{t('nothing')}</p> : (
          <table class="table reports-compact" data-testid="by-station">
            <thead><tr><th>{t('station')}</th><th class="right">{t('sessions')}</th><th class="right">{t('minutes')}</th><th class="right">{t('revenue')}</th></tr></thead>
            <tbody>
              {day.by_station.map((row) => (
                <tr key={row.station_id}>
                  <td data-label={t('station')}><strong>{row.code}</strong></td>
                  <td data-label={t('sessions')} class="right num">{row.sessions}</td>
                  <td data-label={t('minutes')} class="right num">{t('hours', hoursAndMinutes(row.minutes))}</td>
                  <td data-label={t('revenue')} class="right num">{money(row.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card stack">
        <h3>{t('by_operator')}</h3>
        {day.by_operator.length === 0 ? <p class="muted">{t('nothing')}</p> : (
          <table class="table reports-compact" data-testid="by-operator">
            <thead><tr><th>{t('operator')}</th><th class="right">{t('sales_count')}</th><th class="right">{t('revenue')}</th></tr></thead>
            <tbody>
              {day.by_operator.map((row) => (
                <tr key={row.operator}>
                  <td data-label={t('operator')}>{row.operator}</td>
                  <td data-label={t('sales_count')} class="right num">{row.sales}</td>
                  <td data-label={t('revenue')} class="right num">{money(row.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
