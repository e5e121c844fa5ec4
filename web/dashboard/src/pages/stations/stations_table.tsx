import { useState } from 'preact/hooks';
import { Pencil, Trash2 } from 'lucide-preact';
import { api, ApiError } from '../../api/client';
import type { Package, Station } from '../../api/types';
import { errorMessage, tc } from '../../i18n/common';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/dialog';
import { Empty } from '../../ui/page';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { t } from './messages';
import { StationFormDialog } from './station_form_dialog';

interface StationsTableProps {
  stations: Station[];
  packages: Package[];
  // Null: closed; 'new': the create form; a station: its edit form.
  editing: Station | 'new' | null;
  onEdit: (station: Station | 'new' | null) => void;
}

export function StationsTable({ stations, packages, editing, onEdit }: StationsTableProps) {
  const [deleting, setDeleting] = useState<Station | null>(null);
  const tariffName = (id: number | null) => (id === null ? tc('none') : packages.find((pkg) => pkg.id === id)?.name ?? `#${id}`);

  return (
    <>
      {stations.length === 0 ? <Empty>{t('no_stations')}</Empty> : (
        <div class="table-wrap">
          <table class="table" aria-label={t('stations')}>
            <thead>
              <tr>
                <th>{t('code')}</th><th>{t('name')}</th><th>{t('console_type')}</th><th>{t('tariff')}</th>
                <th>{t('ip_address')}</th><th>{t('tv')}</th><th>{t('status')}</th><th><span class="sr-only">{tc('actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {stations.map((station) => (
                <tr key={station.id} data-station={station.code}>
                  <td data-label={t('code')}><strong>{station.code}</strong></td>
                  <td data-label={t('name')}>{station.name || tc('none')}</td>
                  <td data-label={t('console_type')}>{station.console_type === 'other' ? t('console_other') : station.console_type}</td>
                  <td data-label={t('tariff')}>{tariffName(station.tariff_package_id)}</td>
                  <td data-label={t('ip_address')}><span class="mono">{station.ip_address ?? tc('none')}</span></td>
                  <td data-label={t('tv')}>
                    {station.tv_online === null ? <span class="faint">{t('tv_none')}</span>
                      : <Badge tone={station.tv_online ? 'success' : 'danger'}>{t(station.tv_online ? 'tv_online' : 'tv_offline')}</Badge>}
                  </td>
                  <td data-label={t('status')}>
                    {!station.enabled ? <Badge>{t('status_disabled')}</Badge>
                      : station.maintenance ? <Badge tone="info">{t('status_maintenance')}</Badge>
                      : <Badge tone="success">{t('status_enabled')}</Badge>}
                  </td>
                  <td data-label="" class="right nowrap">
                    <Button variant="ghost" small icon={<Pencil />} label={`${tc('edit')} ${station.code}`} onClick={() => onEdit(station)} />
                    <Button variant="ghost" small icon={<Trash2 />} label={`${tc('delete')} ${station.code}`} onClick={() => setDeleting(station)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && <StationFormDialog station={editing === 'new' ? null : editing} packages={packages} onClose={() => onEdit(null)} />}
      {deleting && <DeleteStation station={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}

// Deletes a never-used station; one with history is offered "disable" instead.
function DeleteStation({ station, onClose }: { station: Station; onClose: () => void }) {
  const [inUse, setInUse] = useState(false);
  const action = useSubmit(async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      toast('success', done);
      onClose();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.code === 'station_in_use')) throw failure;
      setInUse(true);
    }
  });
  const error = action.error === null ? null : errorMessage(action.error);

  if (inUse) {
    return (
      <ConfirmDialog
        title={t('in_use_title', { code: station.code })}
        message={t('in_use_body')}
        confirmLabel={t('disable_instead')}
        busy={action.busy}
        error={error}
        onConfirm={() => void action.submit(() => api(`/stations/${station.id}`, { method: 'PUT', body: { enabled: false } }),
          t('station_disabled', { code: station.code }))}
        onClose={onClose}
      />
    );
  }
  return (
    <ConfirmDialog
      title={t('delete_station', { code: station.code })}
      message={t('delete_station_body')}
      confirmLabel={tc('delete')}
      danger
      busy={action.busy}
      error={error}
      onConfirm={() => void action.submit(() => api(`/stations/${station.id}`, { method: 'DELETE' }), t('station_deleted', { code: station.code }))}
      onClose={onClose}
    />
  );
}
