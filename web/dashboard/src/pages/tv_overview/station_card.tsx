import type { ComponentChildren } from 'preact';
import { AlertTriangle, ArrowRightLeft, Clock, Pause, Play, Plus, Square, Tv } from 'lucide-preact';
import type { Package, Station } from '../../api/types';
import { can } from '../../auth/auth';
import { serverNow, sessionTimes } from '../../components/countdown';
import { formatDuration } from '../../format/time';
import { money, settings, time } from '../../shop/settings';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { t } from './messages';
import { openPlayCharge } from '../../pricing/tariff';
import { canStartOn, stateTone, tvLostDuringSession, urgencyOf } from './station_status';

export type CardAction = 'start' | 'extend' | 'pause' | 'resume' | 'move' | 'stop';

interface StationCardProps {
  station: Station;
  // The host's server_time of the snapshot the station came from.
  snapshotAt: number;
  packages: Map<number, Package>;
  busy: boolean;
  onAction: (action: CardAction, station: Station) => void;
  // TV controls from the adb-control plugin, when it runs.
  tvControls?: ComponentChildren;
}

// One station: its state, the live countdown (or played time of open play),
// who plays what, its TV's link, and what the operator may do with it.
export function StationCard({ station, snapshotAt, packages, busy, onAction, tvControls }: StationCardProps) {
  const session = station.session;
  const times = session ? sessionTimes(session, snapshotAt, serverNow()) : null;
  const urgency = urgencyOf(station.state, times?.remainingMs ?? null, settings.value.session_warning_minutes);
  const tvLost = tvLostDuringSession(station);
  const classes = ['tv-card', `tv-card--${station.state}`, urgency !== 'none' && `is-${urgency}`, tvLost && 'is-tv-lost']
    .filter(Boolean).join(' ');
  const act = (action: CardAction) => () => onAction(action, station);

  return (
    <article class={classes} aria-label={station.code} data-station={station.code} data-state={station.state} data-urgency={urgency}>
      <header class="tv-card__header">
        <div class="tv-card__title">
          <h2>{station.code}</h2>
          <span class="tv-card__console">{station.console_type}</span>
        </div>
        <Badge tone={stateTone[station.state]}>{t(`state_${station.state}`)}</Badge>
      </header>
      {station.name && <div class="tv-card__name muted">{station.name}</div>}

      {(urgency !== 'none' || tvLost) && (
        <div class="tv-card__alerts">
          {urgency !== 'none' && (
            <div class={`tv-card__alert tv-card__alert--${urgency}`} role="status">
              <Clock aria-hidden="true" />{t(urgency === 'critical' ? 'alert_critical' : 'alert_ending')}
            </div>
          )}
          {tvLost && (
            <div class="tv-card__alert tv-card__alert--tv" role="alert">
              <AlertTriangle aria-hidden="true" />{t('alert_tv_offline')}
            </div>
          )}
        </div>
      )}

      {session && times ? (
        <div class="tv-card__session">
          <div class="tv-card__clock">
            <span class="tv-card__clock-label">{times.remainingMs === null ? t('played') : t('remaining')}</span>
            <span class="tv-card__countdown num" data-testid="countdown">
              {formatDuration(times.remainingMs ?? times.playedMs)}
            </span>
          </div>
          <div class="tv-card__facts">
            <strong class="tv-card__member" data-testid="member">{session.member_name ?? t('walk_in')}</strong>
            <span class="muted">{session.package_name}</span>
            <span class="tv-card__amount">
              <span class="faint">{session.kind === 'open' ? t('amount_running') : t('amount_paid')}</span>{' '}
              <strong class="num" data-testid="amount">{money(amountSoFar(station, packages, times.playedMs))}</strong>
            </span>
          </div>
          {session.state === 'paused' && session.paused_at && (
            <div class="tv-card__paused muted">{t('paused_since', { time: time(session.paused_at) })}</div>
          )}
        </div>
      ) : (
        <div class="tv-card__idle">{station.state === 'locked' ? t('idle_locked') : t(`state_${station.state}`)}</div>
      )}

      <div class={`tv-card__tv tv-card__tv--${station.tv_online === null ? 'unknown' : station.tv_online ? 'online' : 'offline'}`}>
        <Tv aria-hidden="true" />
        {station.tv_online === null ? t('tv_unknown') : station.tv_online ? t('tv_online') : t('tv_offline')}
      </div>

      <div class="tv-card__actions">
        {!session && canStartOn(station) && can('sessions.start') && (
          <Button variant="primary" small icon={<Play />} disabled={busy} onClick={act('start')}>{t('start')}</Button>
        )}
        {session && session.kind === 'fixed' && can('sessions.extend') && (
          <Button small icon={<Plus />} disabled={busy} onClick={act('extend')}>{t('extend')}</Button>
        )}
        {session && can('sessions.extend') && (session.state === 'paused' ? (
          <Button small icon={<Play />} loading={busy} onClick={act('resume')}>{t('resume')}</Button>
        ) : (
          <Button small icon={<Pause />} loading={busy} onClick={act('pause')}>{t('pause')}</Button>
        ))}
        {session && can('sessions.move') && (
          <Button small icon={<ArrowRightLeft />} disabled={busy} onClick={act('move')}>{t('move')}</Button>
        )}
        {session && can('sessions.stop') && (
          <Button variant="danger" small icon={<Square />} disabled={busy} onClick={act('stop')}>{t('stop')}</Button>
        )}
      </div>
      <div class="tv-card__slot" data-slot="tv-controls" data-station-id={station.id}>{tvControls}</div>
    </article>
  );
}

// Money taken so far; open play is charged when it stops, so its card shows
// what it would cost now.
export function amountSoFar(station: Station, packages: Map<number, Package>, playedMs: number): number {
  const session = station.session!;
  if (session.kind !== 'open') return session.amount;
  const tariff = packages.get(session.package_id);
  return tariff ? openPlayCharge(tariff, Date.parse(session.started_at), playedMs, settings.value.time_zone) : session.amount;
}
