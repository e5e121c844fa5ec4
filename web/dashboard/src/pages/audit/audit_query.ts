import { query } from '../../api/client';

// The audit filters live in the page's URL (#/audit?actor=kasir1&from=…) so
// a filtered view can be bookmarked or shared. Dates there are the shop's
// wall time ("2026-11-21T08:00", as a datetime-local input writes it);
// the API wants instants, so they are converted in the shop's time zone.
export const FILTER_KEYS = ['from', 'to', 'actor', 'action', 'target', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type AuditFilters = Record<FilterKey, string>;

export function filtersOf(search: URLSearchParams): AuditFilters {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, search.get(key) ?? ''])) as AuditFilters;
}

// The offset of a time zone from UTC at an instant, in milliseconds.
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

// "2026-11-21T08:00" in a zone → the instant, or null when it is not a
// wall time. A second pass settles times near an offset change.
export function wallTimeToInstant(wall: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  let instant = asUtc - zoneOffsetMs(asUtc, timeZone);
  instant = asUtc - zoneOffsetMs(instant, timeZone);
  return Number.isNaN(instant) ? null : new Date(instant);
}

export type FilterProblems = Partial<Record<FilterKey, 'bad_status' | 'bad_range'>>;

export function filterProblems(filters: AuditFilters, timeZone: string): FilterProblems {
  const problems: FilterProblems = {};
  const status = filters.status.trim();
  if (status && !(/^\d{3}$/.test(status) && Number(status) >= 100 && Number(status) <= 599)) problems.status = 'bad_status';
  const from = wallTimeToInstant(filters.from, timeZone);
  const to = wallTimeToInstant(filters.to, timeZone);
  if (from && to && from > to) problems.to = 'bad_range';
  return problems;
}

// The GET /audit query of a page: newest first, older pages by before_id.
export function auditQuery(filters: AuditFilters, timeZone: string, beforeId?: number): string {
  return query({
    from: wallTimeToInstant(filters.from, timeZone)?.toISOString(),
    to: wallTimeToInstant(filters.to, timeZone)?.toISOString(),
    actor: filters.actor.trim(),
    action: filters.action.trim(),
    target: filters.target.trim(),
    status: filters.status.trim(),
    before_id: beforeId,
    limit: 50,
  });
}

export type StatusTone = 'success' | 'info' | 'warning' | 'danger';

export function statusTone(status: number): StatusTone {
  if (status >= 500) return 'danger';
  if (status >= 400) return 'warning';
  if (status >= 300) return 'info';
  return 'success';
}
