import { useState } from 'preact/hooks';
import { Link2, Plus } from 'lucide-preact';
import { api } from '../../api/client';
import type { Package, Station, StationsReply, TvDevice } from '../../api/types';
import { can } from '../../auth/auth';
import { useResource } from '../../live/hooks';
import { navigate } from '../../router/router';
import { Button } from '../../ui/button';
import { LoadError, Loaded, Loading, Page } from '../../ui/page';
import { t } from './messages';
import { PairDialog } from './pair_dialog';
import { StationsTable } from './stations_table';
import { KnownTvs, PendingTvs } from './tv_devices';
import { pluginNotRunning, TV_API } from './tv_api';
import './stations.css';

// Stations (stations.manage) and the TVs paired with them (tv.manage). The
// pairing QR of a TV opens /#/tv-pairing/<code>: this page with the pairing
// dialog open and the code filled in.
export function StationsPage({ pairingCode }: { pairingCode?: string }) {
  const stations = useResource((signal) => api<StationsReply>('/stations', { signal }).then((reply) => reply.stations), [],
    ['station.*', 'tv.*']);
  const packages = useResource((signal) => api<{ packages: Package[] }>('/packages', { signal }).then((reply) => reply.packages), [],
    ['package.*']);
  const [editing, setEditing] = useState<Station | 'new' | null>(null);
  const manageStations = can('stations.manage');
  const manageTvs = can('tv.manage');

  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      actions={manageStations && <Button variant="primary" icon={<Plus />} onClick={() => setEditing('new')}>{t('add_station')}</Button>}
    >
      {manageStations && (
        <section class="stack" aria-labelledby="stations-heading">
          <h2 id="stations-heading">{t('stations')}</h2>
          <Loaded resource={stations}>
            {(list) => <StationsTable stations={list} packages={packages.data ?? []} editing={editing} onEdit={setEditing} />}
          </Loaded>
        </section>
      )}
      {manageTvs && <TvSection stations={stations.data ?? []} pairingCode={pairingCode} />}
    </Page>
  );
}

type PairTarget = { device: TvDevice | null; code?: string };

function TvSection({ stations, pairingCode }: { stations: Station[]; pairingCode?: string }) {
  const devices = useResource((signal) => api<{ devices: TvDevice[] }>(`${TV_API}/devices`, { signal }).then((reply) => reply.devices),
    [], ['tv.*', 'station.*', 'plugin.*']);
  const [pairing, setPairing] = useState<PairTarget | null>(pairingCode ? { device: null, code: pairingCode } : null);

  function closePairing() {
    setPairing(null);
    // The QR's link has done its job: back to the plain page.
    if (pairingCode) navigate('/stations', { replace: true });
  }

  const pending = devices.data?.filter((device) => device.state === 'pending') ?? [];
  const known = devices.data?.filter((device) => device.state !== 'pending') ?? [];
  // A failed reload keeps the old list in `data`: the error decides.
  const unavailable = pluginNotRunning(devices.error);

  return (
    <section class="stack" aria-labelledby="tvs-heading">
      <div class="row row--between">
        <h2 id="tvs-heading">{t('tvs')}</h2>
        {!unavailable && <Button icon={<Link2 />} onClick={() => setPairing({ device: null })}>{t('pair_by_code')}</Button>}
      </div>
      {unavailable ? (
        <div class="card plugin-off" role="status">
          <p>{t('plugin_off')}</p>
          {can('plugins.view') && <a href="#/plugins">{t('plugin_link')}</a>}
        </div>
      ) : devices.data === undefined ? (
        devices.error ? <LoadError error={devices.error} onRetry={devices.reload} /> : <Loading />
      ) : (
        <>
          <h3>{t('pending')}</h3>
          <PendingTvs devices={pending} onPair={(device) => setPairing({ device })} />
          <h3>{t('known')}</h3>
          <KnownTvs devices={known} onRepair={(device) => setPairing({ device })} />
        </>
      )}
      {pairing && !unavailable && (
        <PairDialog device={pairing.device} initialCode={pairing.code} stations={stations} onClose={closePairing} />
      )}
    </section>
  );
}
