import { api } from '../api/client';
import type { BusEvent, Session, Station } from '../api/types';
import { can } from '../auth/auth';
import { onEvent as onLiveEvent } from '../live/event_stream';
import { toast } from '../ui/toast';
import { t } from './messages';
import { notificationsAvailable } from './notifications';

// Toasts for live events someone at the counter must notice, whatever page
// is open: a session about to end or ended by its deadline, a TV gone dark
// while its session runs, a plugin that faulted. While the notifications
// plugin runs, its notifications say these things instead (with a sound,
// and kept in the notification centre), so these stay quiet.
export function followAttentionEvents(): () => void {
  const onEvent = (patterns: string, handler: (event: BusEvent<any>) => void) =>
    onLiveEvent(patterns, (event) => {
      if (!notificationsAvailable.value) handler(event);
    });
  const stops = [
    onEvent('session.ending_soon', (event: BusEvent<{ session: Session; minutes_left: number }>) => {
      toast('warning', t('ending_soon', { code: event.payload.session.station_code, minutes: event.payload.minutes_left }));
    }),
    onEvent('session.ended', (event: BusEvent<{ session: Session; reason: string }>) => {
      if (event.payload.reason === 'expired') toast('info', t('session_ended', { code: event.payload.session.station_code }));
    }),
    onEvent('station.tv_changed', (event: BusEvent<{ station_id: number; code: string; tv_online: boolean }>) => {
      if (event.payload.tv_online || !can('sessions.view')) return;
      void api<Station>(`/stations/${event.payload.station_id}`)
        .then((station) => {
          if (station.session) toast('danger', t('tv_offline', { code: event.payload.code }));
        })
        .catch(() => {});
    }),
    onEvent('plugin.faulted', (event: BusEvent<{ id: string; reason: string }>) => {
      toast('danger', t('plugin_faulted', { id: event.payload.id }), event.payload.reason);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
