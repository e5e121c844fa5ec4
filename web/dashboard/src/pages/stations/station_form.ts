import type { ConsoleType, Package, Station } from '../../api/types';

// The station form's values as typed, its checks (the host checks again)
// and the body it sends.
export interface StationForm {
  code: string;
  name: string;
  console_type: ConsoleType;
  tariff_package_id: string;
  ip_address: string;
  enabled: boolean;
  maintenance: boolean;
}

export const CONSOLE_TYPES: ConsoleType[] = ['PS3', 'PS4', 'PS5', 'other'];

export function formOf(station: Station | null): StationForm {
  return {
    code: station?.code ?? '',
    name: station?.name ?? '',
    console_type: station?.console_type ?? 'PS4',
    tariff_package_id: station?.tariff_package_id ? String(station.tariff_package_id) : '',
    ip_address: station?.ip_address ?? '',
    enabled: station?.enabled ?? true,
    maintenance: station?.maintenance ?? false,
  };
}

export function validCode(code: string): boolean {
  return /^[A-Za-z0-9_-]{1,16}$/.test(code.trim());
}

// An IPv4 dotted quad or an IPv6 address (the browser's URL parser checks
// the IPv6 form); empty means no mapping.
export function validIp(text: string): boolean {
  const ip = text.trim();
  if (ip === '') return true;
  const quad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (quad) return quad.slice(1).every((part) => Number(part) <= 255 && String(Number(part)) === part);
  if (!ip.includes(':')) return false;
  try {
    return new URL(`http://[${ip}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

export type FormProblem = 'code_invalid' | 'ip_invalid';

export function problemsOf(form: StationForm): Partial<Record<'code' | 'ip_address', FormProblem>> {
  return {
    ...(validCode(form.code) ? {} : { code: 'code_invalid' as const }),
    ...(validIp(form.ip_address) ? {} : { ip_address: 'ip_invalid' as const }),
  };
}

// The open-play packages a station of this console type may use as its tariff.
export function tariffOptions(packages: Package[], consoleType: ConsoleType): Package[] {
  return packages.filter((pkg) => pkg.kind === 'open' && pkg.active && (pkg.console_type === 'any' || pkg.console_type === consoleType));
}

export function stationBody(form: StationForm) {
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    console_type: form.console_type,
    tariff_package_id: form.tariff_package_id ? Number(form.tariff_package_id) : null,
    ip_address: form.ip_address.trim() || null,
    enabled: form.enabled,
    maintenance: form.maintenance,
  };
}

// Only the fields that changed, for PUT: an untouched field (an old tariff
// since retired, say) is not checked again.
export function changedFields(station: Station, form: StationForm): Partial<ReturnType<typeof stationBody>> {
  const next = stationBody(form);
  const before = stationBody(formOf(station));
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => before[key as keyof typeof before] !== value));
}
