import { api, query } from '../../api/client';
import type { Sale } from '../../api/types';
import { tc } from '../../i18n/common';
import { href } from '../../router/router';
import { money, time } from '../../shop/settings';
import { Empty, Loaded } from '../../ui/page';
import { useMemberNames } from '../session_log/member_names';
import { MoreButton } from '../session_log/more_button';
import { type EntriesPage, usePagedEntries } from '../session_log/use_paged_entries';
import { t } from './messages';
import type { SalesPage } from './report_types';

const PAGE_SIZE = 50;
type SalesEntries = EntriesPage<Sale> & { total_amount: number };

export const SALES_EVENTS = ['session.started', 'session.extended', 'session.ended', 'member.package_bought', 'day.*'];

// The sales of one business day, newest first, with the day's total.
export function SalesList({ day, stationCode }: { day: string; stationCode: (id: number) => string }) {
  const { resource, more, loadingMore } = usePagedEntries<Sale, SalesEntries>(
    async (beforeId, limit, signal) => {
      const page = await api<SalesPage>(`/sales${query({ day, before_id: beforeId, limit })}`, { signal });
      return { entries: page.sales, next_before_id: page.next_before_id, total_amount: page.total_amount };
    },
    [day],
    SALES_EVENTS,
    PAGE_SIZE,
  );
  const memberName = useMemberNames(resource.data?.entries.map((sale) => sale.member_id) ?? []);
  const totalAmount = resource.data?.total_amount ?? 0;

  return (
    <section class="stack">
      <div class="row row--between">
        <h3>{t('sales')}</h3>
        <strong class="num" data-testid="sales-total">{t('sales_total', { amount: money(totalAmount) })}</strong>
      </div>
      <Loaded resource={resource}>
        {(page) => page.entries.length === 0 ? <Empty>{t('no_sales')}</Empty> : (
          <>
            <div class="table-wrap">
              <table class="table" data-testid="sales">
                <thead>
                  <tr><th>{t('at')}</th><th>{t('kind')}</th><th>{t('station')}</th><th>{t('member')}</th><th>{t('operator')}</th><th class="right">{t('amount')}</th></tr>
                </thead>
                <tbody>
                  {page.entries.map((sale) => (
                    <tr key={sale.id}>
                      <td data-label={t('at')} class="nowrap">{time(sale.at)}</td>
                      <td data-label={t('kind')}>
                        {t(`kind_${sale.kind}`)}
                        {sale.kind === 'package' && sale.units !== null && <span class="faint"> · {t('units', { n: sale.units })}</span>}
                      </td>
                      <td data-label={t('station')}>{sale.station_id === null ? tc('none') : stationCode(sale.station_id)}</td>
                      <td data-label={t('member')}>
                        {sale.member_id === null ? tc('none') : <a href={href(`/members/${sale.member_id}`)}>{memberName(sale.member_id)}</a>}
                      </td>
                      <td data-label={t('operator')}>{sale.operator}</td>
                      <td data-label={t('amount')} class="right num">{money(sale.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <MoreButton page={page} more={more} loading={loadingMore} />
          </>
        )}
      </Loaded>
    </section>
  );
}
