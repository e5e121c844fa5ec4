import type { SessionLogEntry } from '../../api/types';
import { formatDuration } from '../../format/time';
import { t } from './messages';

// What a log entry's details say, in words: "1 Jam PS4 · tunai Rp 10.000",
// "+30 menit · tunai Rp 5.000", "TV01 → TV02", "dihentikan · main 1:05:09 ·
// tagih Rp 12.000". Unknown or missing fields are left out.
export interface DetailFormat {
  money: (amount: number) => string;
  time: (instant: string) => string;
  packageName: (id: number) => string | null;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function payment(details: Record<string, unknown>, format: DetailFormat): string | null {
  if (details.payment === 'balance') return t('paid_balance');
  // Open play starts at Rp 0: it is paid when it ends.
  const amount = num(details.amount);
  return amount ? t('paid_cash', { amount: format.money(amount) }) : null;
}

function parts(entry: SessionLogEntry, format: DetailFormat): (string | null)[] {
  const details = entry.details ?? {};
  const packageId = num(details.package_id);
  const packageName = packageId === null ? null : format.packageName(packageId);
  switch (entry.event) {
    case 'started':
      return [packageName, payment(details, format)];
    case 'extended': {
      const minutes = num(details.minutes);
      return [minutes === null ? null : t('plus_minutes', { n: minutes }), packageName, payment(details, format)];
    }
    case 'paused': {
      const resumesAt = str(details.resumes_at);
      return [resumesAt && t('resumes_at', { time: format.time(resumesAt) })];
    }
    case 'resumed': {
      const duration = formatDuration(num(details.paused_ms) ?? 0);
      return [details.reason === 'pause_limit' ? t('resumed_pause_limit', { duration }) : t('resumed_operator', { duration })];
    }
    case 'moved': {
      const code = (value: unknown) => str((value as { code?: unknown } | null)?.code) ?? '?';
      return [`${code(details.from_station)} → ${code(details.to_station)}`];
    }
    case 'ending_soon': {
      const minutes = num(details.minutes_left);
      return [minutes === null ? null : t('minutes_left', { n: minutes })];
    }
    case 'ended': {
      const played = num(details.played_ms);
      const charge = num(details.charge);
      const total = num(details.amount);
      return [
        details.reason === 'expired' ? t('ended_expired') : t('ended_stopped'),
        played === null ? null : t('played', { duration: formatDuration(played) }),
        charge ? t('charge', { amount: format.money(charge) }) : null,
        total === null ? null : t('total', { amount: format.money(total) }),
      ];
    }
    default:
      return [];
  }
}

export function describeDetails(entry: SessionLogEntry, format: DetailFormat): string {
  return parts(entry, format).filter((part): part is string => Boolean(part)).join(' · ');
}
