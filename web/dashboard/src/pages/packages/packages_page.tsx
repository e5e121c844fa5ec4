import { useState } from 'preact/hooks';
import { Pencil, Plus, Power, PowerOff } from 'lucide-preact';
import { api } from '../../api/client';
import type { Package } from '../../api/types';
import { can } from '../../auth/auth';
import { errorMessage, tc } from '../../i18n/common';
import { useResource } from '../../live/hooks';
import { location, setQuery } from '../../router/router';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/dialog';
import { Empty, Loaded, Page } from '../../ui/page';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { consoleLabel } from './console_label';
import { t } from './messages';
import { PackageFormDialog } from './package_form_dialog';
import { fetchPackages } from './package_list';
import { byActiveThenName, dayPriceText, nightPriceText, roundingText } from './package_prices';
import './packages.css';

type Kind = Package['kind'];
type Editing = { kind: Kind; item: Package | null } | null;

// Fixed packages and open-play tariffs, one tab each (?tab=open). Everyone
// signed in sees them; packages.manage creates, edits and (de)activates.
export function PackagesPage() {
  const tab: Kind = location.value.query.get('tab') === 'open' ? 'open' : 'fixed';
  const packages = useResource((signal) => fetchPackages('all', signal), [], ['package.*']);
  const [editing, setEditing] = useState<Editing>(null);
  const [retiring, setRetiring] = useState<Package | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const manage = can('packages.manage');

  // Turning a package on is one click (a failure is a toast); turning it off
  // is confirmed first, and a failure shows in that dialog.
  const setActive = useSubmit(async (item: Package, active: boolean) => {
    setBusyId(item.id);
    try {
      await api(`/packages/${item.id}`, { method: 'PUT', body: { active } });
      toast('success', t(active ? 'activated' : 'deactivated', { name: item.name }));
      setRetiring(null);
      packages.reload();
    } catch (failure) {
      if (!active) throw failure;
      toast('danger', errorMessage(failure));
    } finally {
      setBusyId(null);
    }
  });

  const all = packages.data ?? [];
  const count = (kind: Kind) => all.filter((item) => item.kind === kind).length;

  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      actions={manage && (
        <Button variant="primary" icon={<Plus />} onClick={() => setEditing({ kind: tab, item: null })}>
          {t(tab === 'open' ? 'add_open' : 'add_fixed')}
        </Button>
      )}
    >
      <div class="tabs" role="tablist">
        {(['fixed', 'open'] as const).map((kind) => (
          <button key={kind} type="button" role="tab" class="tab" aria-selected={tab === kind}
            onClick={() => setQuery({ tab: kind === 'open' ? 'open' : null })}>
            {t(kind === 'open' ? 'tab_open' : 'tab_fixed', { n: count(kind) })}
          </button>
        ))}
      </div>
      <Loaded resource={packages}>
        {(items) => {
          const shown = items.filter((item) => item.kind === tab).sort(byActiveThenName);
          if (shown.length === 0) return <Empty>{t(tab === 'open' ? 'none_open' : 'none_fixed')}</Empty>;
          return (
            <div class="table-wrap" role="tabpanel">
              <table class="table packages-table">
                <thead>
                  <tr>
                    <th>{t('name')}</th>
                    <th>{t('console')}</th>
                    <th>{tab === 'open' ? t('rounding') : t('duration')}</th>
                    <th class="right">{t(tab === 'open' ? 'price_open' : 'price_fixed')}</th>
                    <th>{t('night')}</th>
                    <th>{t('status')}</th>
                    {manage && <th><span class="sr-only">{tc('actions')}</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((item) => (
                    <tr key={item.id} class={item.active ? undefined : 'is-inactive'} data-package={item.name}>
                      <td data-label={t('name')}><strong>{item.name}</strong></td>
                      <td data-label={t('console')}>{consoleLabel(item.console_type)}</td>
                      <td data-label={tab === 'open' ? t('rounding') : t('duration')}>
                        {item.kind === 'open' ? roundingText(item) : tc('minutes', { n: item.duration_minutes ?? 0 })}
                      </td>
                      <td data-label={t(tab === 'open' ? 'price_open' : 'price_fixed')} class="right num nowrap">{dayPriceText(item)}</td>
                      <td data-label={t('night')} class="num">{nightPriceText(item) ?? tc('none')}</td>
                      <td data-label={t('status')}>
                        <Badge tone={item.active ? 'success' : 'neutral'}>{item.active ? tc('active') : tc('inactive')}</Badge>
                      </td>
                      {manage && (
                        <td data-label="">
                          <div class="row row--end packages-actions">
                            <Button small icon={<Pencil />} onClick={() => setEditing({ kind: item.kind, item })}>{tc('edit')}</Button>
                            {item.active
                              ? <Button small variant="ghost" icon={<PowerOff />} onClick={() => setRetiring(item)}>{t('deactivate')}</Button>
                              : <Button small variant="ghost" icon={<Power />} loading={busyId === item.id} onClick={() => setActive.submit(item, true)}>{t('activate')}</Button>}
                          </div>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </Loaded>
      {editing && <PackageFormDialog kind={editing.kind} item={editing.item} onClose={() => setEditing(null)} />}
      {retiring && (
        <ConfirmDialog
          title={t('deactivate_title', { name: retiring.name })}
          message={t('deactivate_body')}
          confirmLabel={t('deactivate')}
          danger
          busy={busyId === retiring.id}
          error={setActive.error === null ? null : errorMessage(setActive.error)}
          onConfirm={() => setActive.submit(retiring, false)}
          onClose={() => { setRetiring(null); setActive.clearError(); }}
        />
      )}
    </Page>
  );
}
