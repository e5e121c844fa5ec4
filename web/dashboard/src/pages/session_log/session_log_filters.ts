import { query } from '../../api/client';

// The session log's filters as they live in the URL (?day=&station=&member=
// &operator=&session=). Without a day the log shows today's business day;
// "all" shows every day, and so does a link to one session (?session=41),
// whose day the link does not know.
export interface LogFilters {
  day: string | null;
  station: number | null;
  member: number | null;
  operator: string;
  session: number | null;
}

export const ALL_DAYS = 'all';

function positive(text: string | null): number | null {
  const value = Number(text);
  return text && Number.isSafeInteger(value) && value > 0 ? value : null;
}

export function filtersFromQuery(search: URLSearchParams, today: string): LogFilters {
  const session = positive(search.get('session'));
  const day = search.get('day');
  return {
    day: day === ALL_DAYS ? null : /^\d{4}-\d{2}-\d{2}$/.test(day ?? '') ? day : session === null ? today : null,
    station: positive(search.get('station')),
    member: positive(search.get('member')),
    operator: (search.get('operator') ?? '').trim(),
    session,
  };
}

// GET /session-log's query for the filters and one page.
export function logQuery(filters: LogFilters, beforeId: number | null, limit: number): string {
  return query({
    day: filters.day, station: filters.station, member: filters.member, operator: filters.operator,
    session: filters.session, before_id: beforeId, limit,
  });
}
