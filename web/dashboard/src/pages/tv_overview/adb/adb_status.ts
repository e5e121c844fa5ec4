import { api } from '../../../api/client';
import { can } from '../../../auth/auth';
import { useResource } from '../../../live/hooks';

// What the adb-control plugin knows of each station's TV
// (GET /api/v1/plugins/adb-control/status; docs/protocols/adb-control.md).
export interface AdbTvStatus {
  station_id: number;
  station_code: string;
  connection: string; // connected, unauthorized, offline, connecting, no_address, ...
  screen: string | null;
  volume: number | null;
  volume_max: number;
  default_volume: number;
  queue_length: number;
  address: string | null;
  last_error: { code: string; message: string; action: string; at_ms: number } | null;
}

export interface AdbStatus {
  server: { state?: string; message?: string; [key: string]: unknown };
  stations: AdbTvStatus[];
}

// The plugin's status for the overview, or nothing when the user lacks
// tv.control or the plugin does not run (its routes answer 404 then).
export function useAdbStatus(): Map<number, AdbTvStatus> | null {
  const allowed = can('tv.control');
  const status = useResource(
    async (signal) => (allowed ? api<AdbStatus>('/plugins/adb-control/status', { signal }) : null),
    [allowed],
    ['adb.*', 'plugin.started', 'plugin.stopped', 'station.*'],
  );
  if (!status.data || status.error) return null;
  return new Map(status.data.stations.map((tv) => [tv.station_id, tv]));
}

export type AdbAction = 'wake' | 'sleep' | 'volume-up' | 'volume-down' | 'mute' | 'set-volume' | 'hdmi' | 'kiosk';

export function sendAdbAction(stationId: number, action: AdbAction, body?: { level: number }): Promise<unknown> {
  return api(`/plugins/adb-control/stations/${stationId}/${action}`, { method: 'POST', body: body ?? {} });
}
