// The shapes of the host's JSON (docs/api.md). Instants are ISO-8601 UTC
// strings; money is integer rupiah.

export type ConsoleType = 'PS3' | 'PS4' | 'PS5' | 'other';

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: 'admin' | 'operator';
  permissions: string[];
  disabled: boolean;
  must_change_password: boolean;
  created_at: string;
  updated_at: string;
}

export interface LoginReply {
  token: string;
  expires_at: string;
  user: User;
}

export interface Permission {
  name: string;
  label: string;
  owner: string;
}

export interface Settings {
  shop_name: string;
  whatsapp_number: string;
  time_zone: string;
  currency: { symbol: string; thousands_separator: string };
  business_day_start: string;
  session_warning_minutes: number[];
  session_max_pause_minutes: number;
}

export type SessionState = 'running' | 'paused' | 'ended';

export interface Session {
  id: number;
  station_id: number;
  station_code: string;
  member_id: number | null;
  member_name: string | null;
  package_id: number;
  package_name: string;
  kind: 'fixed' | 'open';
  payment: 'cash' | 'balance';
  started_by: string;
  business_day: string;
  started_at: string;
  deadline_at: string | null;
  paused_at: string | null;
  paused_ms: number;
  ended_at: string | null;
  end_reason: 'stopped' | 'expired' | null;
  ended_by: string | null;
  amount: number;
  state: SessionState;
  remaining_ms: number | null;
  played_ms: number;
}

export type StationState = 'disabled' | 'maintenance' | 'active' | 'paused' | 'offline' | 'locked';

export interface Station {
  id: number;
  code: string;
  name: string;
  console_type: ConsoleType;
  tariff_package_id: number | null;
  ip_address: string | null;
  enabled: boolean;
  maintenance: boolean;
  created_at: string;
  updated_at: string;
  state: StationState;
  tv_online: boolean | null;
  session: Session | null;
}

export interface StationsReply {
  stations: Station[];
  server_time: string;
}

export interface Package {
  id: number;
  name: string;
  console_type: ConsoleType | 'any';
  kind: 'fixed' | 'open';
  duration_minutes: number | null;
  price: number;
  night_price: number | null;
  night_from: string | null;
  night_until: string | null;
  rounding_minutes: number;
  minimum_charge: number;
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface Member {
  id: number;
  name: string;
  phone: string;
  notes: string;
  created_at: string;
  updated_at: string;
  balances?: Balance[];
}

export interface Balance {
  package_id: number;
  package: string;
  units: number;
}

export interface BalanceEntry {
  id: number;
  at: string;
  package_id: number;
  package: string;
  kind: 'granted' | 'bought' | 'used' | 'refunded' | 'adjusted';
  change: number;
  units_after: number;
  actor: string;
  reason: string;
  session_id: number | null;
  sale_id: number | null;
}

export interface Sale {
  id: number;
  at: string;
  business_day: string;
  kind: 'package' | 'session' | 'extension';
  amount: number;
  operator: string;
  member_id: number | null;
  package_id: number | null;
  session_id: number | null;
  station_id: number | null;
  units: number | null;
}

export interface SessionLogEntry {
  id: number;
  at: string;
  business_day: string;
  session_id: number;
  station_id: number;
  station_code: string;
  member_id: number | null;
  event: 'started' | 'extended' | 'paused' | 'resumed' | 'moved' | 'ending_soon' | 'ended';
  actor: string;
  details: Record<string, unknown>;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  method: string;
  path: string;
  status: number;
  remote_address: string;
  details: unknown;
}

export interface PluginWeb {
  title: string;
  path: string;
  [key: string]: unknown;
}

export interface PluginInfo {
  id: string;
  name: string;
  version: string;
  description: string;
  state: 'running' | 'stopped' | 'faulted' | string;
  reason: string;
  enabled: boolean;
  requires: string[];
  required_by: string[];
  permissions: { name: string; label: string }[];
  web: PluginWeb | null;
  sdk_abi: string;
  bus: { delivered: number; dropped: number; queued: number };
  routes: number;
  websockets: number;
  connections: number;
}

export interface TvDevice {
  id: number;
  name: string;
  state: 'pending' | 'paired' | 'unpaired' | 'revoked';
  station_id: number | null;
  station_code: string | null;
  pairing_code: string | null;
  ip: string;
  user_agent: string;
  online: boolean;
  first_seen_at_ms: number;
  last_seen_at_ms: number;
  paired_at_ms: number | null;
}

// One event of the live stream (GET /api/v1/events).
export interface BusEvent<P = any> {
  topic: string;
  payload: P;
  source: string;
  at: number;
  seq: number;
}
