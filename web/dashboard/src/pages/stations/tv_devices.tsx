import { useState } from 'preact/hooks';
import { Link2, Link2Off, ShieldOff, Trash2 } from 'lucide-preact';
import { api } from '../../api/client';
import type { TvDevice } from '../../api/types';
import { tc } from '../../i18n/common';
import { dateTime } from '../../shop/settings';
import { Badge, type Tone } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/dialog';
import { Empty } from '../../ui/page';
import { toast } from '../../ui/toast';
import { useSubmit } from '../../ui/use_submit';
import { t } from './messages';
import { displayCode, TV_API, tvErrorMessage } from './tv_api';

const stateTone: Record<TvDevice['state'], Tone> = { pending: 'warning', paired: 'success', unpaired: 'neutral', revoked: 'danger' };

export function deviceName(device: TvDevice): string {
  return device.name || t('unnamed_tv', { id: device.id });
}

function OnlineBadge({ online }: { online: boolean }) {
  return <Badge tone={online ? 'success' : 'neutral'}>{t(online ? 'online' : 'offline')}</Badge>;
}

// TVs waiting for an admin: their code as the TV shows it, where they are.
export function PendingTvs({ devices, onPair }: { devices: TvDevice[]; onPair: (device: TvDevice) => void }) {
  if (devices.length === 0) return <Empty>{t('pending_empty')}</Empty>;
  return (
    <div class="pending-tvs">
      {devices.map((device) => (
        <article key={device.id} class="card pending-tv" aria-label={`${t('pairing_code')} ${displayCode(device.pairing_code)}`} data-device={device.id}>
          <div class="row row--between">
            <span class="pending-tv__code mono" data-testid="pairing-code">{displayCode(device.pairing_code)}</span>
            <OnlineBadge online={device.online} />
          </div>
          <dl class="pending-tv__facts">
            <dt>{t('ip')}</dt><dd class="mono">{device.ip}</dd>
            <dt>{t('user_agent')}</dt><dd title={device.user_agent}>{device.user_agent || tc('none')}</dd>
            <dt>{t('first_seen')}</dt><dd>{dateTime(device.first_seen_at_ms)}</dd>
          </dl>
          <Button variant="primary" icon={<Link2 />} onClick={() => onPair(device)}>{t('pair')}</Button>
        </article>
      ))}
    </div>
  );
}

type Confirming = { kind: 'revoke' | 'delete'; device: TvDevice };

// Every TV that was ever paired: where it is, whether it is on, and what
// the admin can do with it.
export function KnownTvs({ devices, onRepair }: { devices: TvDevice[]; onRepair: (device: TvDevice) => void }) {
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const action = useSubmit(async (call: () => Promise<unknown>, done: string, after?: () => void) => {
    try {
      await call();
      toast('success', done);
      after?.();
    } catch (failure) {
      if (confirming) throw failure;
      toast('danger', tvErrorMessage(failure));
    }
  });

  function unpair(device: TvDevice) {
    void action.submit(() => api(`${TV_API}/devices/${device.id}/unpair`, { method: 'POST' }), t('unpaired', { code: device.station_code ?? '' }));
  }

  function confirm() {
    if (!confirming) return;
    const { kind, device } = confirming;
    const close = () => setConfirming(null);
    if (kind === 'revoke') void action.submit(() => api(`${TV_API}/devices/${device.id}/revoke`, { method: 'POST' }), t('revoked'), close);
    else void action.submit(() => api(`${TV_API}/devices/${device.id}`, { method: 'DELETE' }), t('tv_deleted'), close);
  }

  if (devices.length === 0) return <Empty>{t('known_empty')}</Empty>;
  return (
    <>
      <div class="table-wrap">
        <table class="table" aria-label={t('known')}>
          <thead>
            <tr>
              <th>{t('device_name')}</th><th>{t('station')}</th><th>{t('state')}</th><th>{t('online')}</th>
              <th>{t('last_seen')}</th><th>{t('ip')}</th><th><span class="sr-only">{tc('actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.id} data-device={device.id}>
                <td data-label={t('device_name')}><strong>{deviceName(device)}</strong></td>
                <td data-label={t('station')}>{device.station_code ?? tc('none')}</td>
                <td data-label={t('state')}><Badge tone={stateTone[device.state]}>{t(`state_${device.state}`)}</Badge></td>
                <td data-label={t('online')}><OnlineBadge online={device.online} /></td>
                <td data-label={t('last_seen')}>{dateTime(device.last_seen_at_ms)}</td>
                <td data-label={t('ip')}><span class="mono">{device.ip}</span></td>
                <td data-label="" class="right">
                  <div class="row row--end tv-actions">
                    {device.state !== 'revoked' && (
                      <Button small icon={<Link2 />} onClick={() => onRepair(device)}>{t('repair')}</Button>
                    )}
                    {device.state === 'paired' && (
                      <Button small icon={<Link2Off />} disabled={action.busy} onClick={() => unpair(device)}>{t('unpair')}</Button>
                    )}
                    {device.state !== 'revoked' && (
                      <Button small variant="danger" icon={<ShieldOff />} onClick={() => setConfirming({ kind: 'revoke', device })}>{t('revoke')}</Button>
                    )}
                    <Button small variant="ghost" icon={<Trash2 />} label={`${tc('delete')} ${deviceName(device)}`}
                      onClick={() => setConfirming({ kind: 'delete', device })} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t(confirming.kind === 'revoke' ? 'revoke_title' : 'delete_tv', { name: deviceName(confirming.device) })}
          message={t(confirming.kind === 'revoke' ? 'revoke_body' : 'delete_tv_body')}
          confirmLabel={confirming.kind === 'revoke' ? t('revoke') : tc('delete')}
          danger
          busy={action.busy}
          error={action.error === null ? null : tvErrorMessage(action.error)}
          onConfirm={confirm}
          onClose={() => {
            setConfirming(null);
            action.clearError();
          }}
        />
      )}
    </>
  );
}
