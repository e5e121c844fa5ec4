import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Package, Session, Station, StationsReply } from '../../api/types';
import { serverNow, sessionTimes, syncServerTime, useSecondTicker } from '../../components/countdown';
import { errorMessage } from '../../i18n/common';
import { useResource } from '../../live/hooks';
import { settings } from '../../shop/settings';
import { Empty, Loaded, Page } from '../../ui/page';
import { toast } from '../../ui/toast';
import { ExtendDialog } from './extend_dialog';
import { t } from './messages';
import { MoveDialog } from './move_dialog';
import { StartDialog } from './start_dialog';
import { useAdbStatus } from './adb/adb_status';
import { TvControls } from './adb/tv_controls';
import { type CardAction, StationCard } from './station_card';
import { summarize, urgencyOf } from './station_status';
import { StopDialog } from './stop_dialog';
import { SummaryStrip } from './summary_strip';
import './tv_overview.css';

interface Board {
  stations: Station[];
  // The host's clock when it built the list: countdowns run from it.
  snapshotAt: number;
}

// The dialog open on the page, with the station (and session) as they were
// when it opened, so a stop result stays up after the card has gone free.
type OpenDialog = { action: 'start' | 'extend' | 'move' | 'stop'; station: Station; session: Session | null; snapshotAt: number };

async function loadBoard(signal: AbortSignal): Promise<Board> {
  const reply = await api<StationsReply>('/stations', { signal });
  syncServerTime(reply.server_time);
  return { stations: reply.stations, snapshotAt: Date.parse(reply.server_time) };
}

// The home page: a card per station with live countdowns and controls.
export function TvOverviewPage() {
  useSecondTicker();
  const board = useResource(loadBoard, [], ['station.*', 'session.*', 'tv.*']);
  const packages = useResource((signal) => api<{ packages: Package[] }>('/packages?active=true', { signal }), [], ['package.*']);
  const adb = useAdbStatus();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [busyStation, setBusyStation] = useState<number | null>(null);

  const packageList = packages.data?.packages ?? [];
  const packageMap = new Map(packageList.map((pkg) => [pkg.id, pkg]));

  async function pauseOrResume(action: 'pause' | 'resume', station: Station) {
    setBusyStation(station.id);
    try {
      await api(`/sessions/${station.session!.id}/${action}`, { method: 'POST' });
      toast('success', t(action === 'pause' ? 'paused' : 'resumed', { code: station.code }),
        action === 'pause' ? t('pause_limit', { n: settings.value.session_max_pause_minutes }) : undefined);
    } catch (failure) {
      toast('danger', station.code, errorMessage(failure));
      if (failure instanceof ApiError) board.reload();
    } finally {
      setBusyStation(null);
    }
  }

  function onAction(action: CardAction, station: Station) {
    if (action === 'pause' || action === 'resume') void pauseOrResume(action, station);
    else setDialog({ action, station, session: station.session, snapshotAt: board.data?.snapshotAt ?? serverNow() });
  }

  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <Loaded resource={board}>
        {({ stations, snapshotAt }) => {
          if (stations.length === 0) return <Empty><a href="#/stations">{t('no_stations')}</a></Empty>;
          const now = serverNow();
          const ending = stations.filter((station) => station.session
            && urgencyOf(station.state, sessionTimes(station.session, snapshotAt, now).remainingMs, settings.value.session_warning_minutes) !== 'none').length;
          return (
            <>
              <SummaryStrip summary={summarize(stations)} ending={ending} />
              <div class="tv-grid">
                {stations.map((station) => (
                  <StationCard key={station.id} station={station} snapshotAt={snapshotAt} packages={packageMap}
                    busy={busyStation === station.id} onAction={onAction}
                    tvControls={adb?.has(station.id) && <TvControls station={station} tv={adb.get(station.id)!} />} />
                ))}
              </div>
            </>
          );
        }}
      </Loaded>
      {dialog && <DialogFor dialog={dialog} board={board.data} packages={packageList} packageMap={packageMap} onClose={() => setDialog(null)} />}
    </Page>
  );
}

interface DialogForProps {
  dialog: OpenDialog;
  board: Board | undefined;
  packages: Package[];
  packageMap: Map<number, Package>;
  onClose: () => void;
}

function DialogFor({ dialog, board, packages, packageMap, onClose }: DialogForProps) {
  const { action, station, session, snapshotAt } = dialog;
  if (action === 'start') return <StartDialog station={station} packages={packages} onClose={onClose} />;
  if (!session) return null;
  if (action === 'extend') return <ExtendDialog station={station} session={session} packages={packages} onClose={onClose} />;
  if (action === 'move') {
    return <MoveDialog station={station} session={session} stations={board?.stations ?? []} packages={packages} onClose={onClose} />;
  }
  const playedMs = sessionTimes(session, snapshotAt, serverNow()).playedMs;
  return <StopDialog station={station} session={session} packages={packageMap} playedMs={playedMs} onClose={onClose} />;
}
