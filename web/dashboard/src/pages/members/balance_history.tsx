import { api, query } from '../../api/client';
import type { BalanceEntry } from '../../api/types';
import { tc } from '../../i18n/common';
import { href } from '../../router/router';
import { dateTime } from '../../shop/settings';
import { Badge, type Tone } from '../../ui/badge';
import { Empty, Loaded } from '../../ui/page';
import { MoreButton } from '../session_log/more_button';
import { usePagedEntries } from '../session_log/use_paged_entries';
import { t } from './messages';

const HISTORY_PAGE = 20;

const kindTones: Record<BalanceEntry['kind'], Tone> = {
  granted: 'info', bought: 'success', used: 'neutral', refunded: 'warning', adjusted: 'accent',
};

export function signedChange(change: number): string {
  return change > 0 ? `+${change}` : String(change);
}

// A member's balance history, newest first, paged with before_id; it
// follows member.* so a sale on another dashboard shows at once.
export function BalanceHistory({ memberId }: { memberId: number }) {
  const { resource, more, loadingMore } = usePagedEntries<BalanceEntry>(
    (beforeId, limit, signal) => api(`/members/${memberId}/history${query({ before_id: beforeId, limit })}`, { signal }),
    [memberId],
    ['member.*'],
    HISTORY_PAGE,
  );

  return (
    <section class="stack">
      <h2>{t('history')}</h2>
      <Loaded resource={resource}>
        {(page) => page.entries.length === 0 ? <Empty>{t('no_history')}</Empty> : (
          <>
            <div class="table-wrap">
              <table class="table" data-testid="balance-history">
                <thead>
                  <tr>
                    <th>{t('at')}</th><th>{t('package')}</th><th>{t('kind')}</th><th class="right">{t('change')}</th>
                    <th class="right">{t('units_after')}</th><th>{t('actor')}</th><th>{t('reason')}</th><th>{t('session')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.entries.map((entry) => (
                    <tr key={entry.id}>
                      <td data-label={t('at')} class="nowrap">{dateTime(entry.at)}</td>
                      <td data-label={t('package')}>{entry.package}</td>
                      <td data-label={t('kind')}><Badge tone={kindTones[entry.kind]}>{t(`kind_${entry.kind}`)}</Badge></td>
                      <td data-label={t('change')} class="right num">
                        <span class={entry.change > 0 ? 'members-plus' : 'members-minus'}>{signedChange(entry.change)}</span>
                      </td>
                      <td data-label={t('units_after')} class="right num">{entry.units_after}</td>
                      <td data-label={t('actor')}>{entry.actor}</td>
                      <td data-label={t('reason')} class="muted">{entry.reason || tc('none')}</td>
                      <td data-label={t('session')}>
                        {entry.session_id === null ? tc('none')
                          : <a href={href(`/session-log?session=${entry.session_id}`)}>{t('session_link', { id: entry.session_id })}</a>}
                      </td>
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
