import type { Station, StationState } from '../../api/types';
import type { Tone } from '../../ui/badge';

// What a card must shout about. Ending soon starts at the shop's largest
// warning (session_warning_minutes) and turns critical in the last minute;
// a TV that drops while its session runs means a customer may be playing
// on a screen that no longer locks.
export type Urgency = 'none' | 'ending' | 'critical';

const MINUTE_MS = 60_000;

export function urgencyOf(state: StationState, remainingMs: number | null, warningMinutes: number[]): Urgency {
  if (state !== 'active' || remainingMs === null) return 'none';
  if (remainingMs <= MINUTE_MS) return 'critical';
  const threshold = Math.max(0, ...warningMinutes) * MINUTE_MS;
  return remainingMs <= threshold ? 'ending' : 'none';
}

export function tvLostDuringSession(station: Pick<Station, 'session' | 'tv_online'>): boolean {
  return station.session !== null && station.tv_online === false;
}

export const stateTone: Record<StationState, Tone> = {
  active: 'success',
  paused: 'warning',
  locked: 'neutral',
  offline: 'danger',
  maintenance: 'info',
  disabled: 'neutral',
};

// A session can start on an enabled station without one that is not in
// maintenance; an offline TV does not stop the console from being rented.
export function canStartOn(station: Pick<Station, 'state'>): boolean {
  return station.state === 'locked' || station.state === 'offline';
}

export interface Summary {
  active: number;
  free: number;
  tvOffline: number;
}

export function summarize(stations: Station[]): Summary {
  return {
    active: stations.filter((station) => station.session !== null).length,
    free: stations.filter(canStartOn).length,
    tvOffline: stations.filter((station) => station.enabled && station.tv_online === false).length,
  };
}
