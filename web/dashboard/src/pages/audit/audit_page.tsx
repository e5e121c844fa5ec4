import { useState } from 'preact/hooks';
import { RefreshCw } from 'lucide-preact';
import { api } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { errorMessage, tc } from '../../i18n/common';
import { useResource } from '../../live/hooks';
import { location } from '../../router/router';
import { settings } from '../../shop/settings';
import { Button } from '../../ui/button';
import { Empty, Loaded, Page } from '../../ui/page';
import { AuditFilterBar } from './audit_filters';
import { auditQuery, filtersOf } from './audit_query';
import { AuditTable } from './audit_table';
import { t } from './messages';
import './audit.css';

interface AuditPageReply {
  entries: AuditEntry[];
  next_before_id: number | null;
}

// Changes that leave an audit entry and are published on the bus: while
// only the first page is shown, it reloads on them. Once older pages are
// loaded it stays put, so reading back is not disturbed.
const CHANGE_TOPICS = ['user.*', 'settings.*', 'plugin.*', 'backup.*', 'station.*', 'package.*', 'member.*', 'session.*', 'day.*', 'tv.paired', 'tv.unpaired'];

// The audit trail (admin): filters in the URL, newest first, older pages
// on demand.
export function AuditPage() {
  const filters = filtersOf(location.value.query);
  const zone = settings.value.time_zone;
  const key = auditQuery(filters, zone);
  const [older, setOlder] = useState<{ key: string; pages: AuditPageReply[] }>({ key, pages: [] });
  const olderPages = older.key === key ? older.pages : [];
  const first = useResource(
    (signal) => api<AuditPageReply>(`/audit${key}`, { signal }),
    [key],
    olderPages.length === 0 ? CHANGE_TOPICS : [],
  );
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  const last = olderPages.at(-1) ?? first.data;
  async function loadMore() {
    if (!last?.next_before_id) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api<AuditPageReply>(`/audit${auditQuery(filters, zone, last.next_before_id)}`);
      setOlder({ key, pages: [...olderPages, page] });
    } catch (failure) {
      setMoreError(failure);
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      actions={
        <Button
          variant="ghost"
          icon={<RefreshCw />}
          loading={first.loading}
          onClick={() => {
            setOlder({ key, pages: [] });
            first.reload();
          }}
        >
          {t('refresh')}
        </Button>
      }
    >
      <AuditFilterBar filters={filters} timeZone={zone} />
      <Loaded resource={first}>
        {(data) => {
          const entries = [data, ...olderPages].flatMap((page) => page.entries);
          if (entries.length === 0) return <Empty>{t('empty')}</Empty>;
          return (
            <>
              <AuditTable entries={entries} />
              {moreError !== null && <div class="form-error" role="alert">{errorMessage(moreError)}</div>}
              <div class="row audit-more">
                {last?.next_before_id ? (
                  <Button loading={loadingMore} onClick={loadMore}>{tc('more')}</Button>
                ) : (
                  <span class="faint">{t('end')}</span>
                )}
              </div>
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
