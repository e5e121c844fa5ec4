import type { Sale } from '../../api/types';

// GET /business-days and GET /sales (docs/api.md "Business days").
export interface StationTotals {
  station_id: number;
  code: string;
  sessions: number;
  minutes: number;
  revenue: number;
}

export interface OperatorTotals {
  operator: string;
  sales: number;
  revenue: number;
}

export interface BusinessDay {
  day: string;
  closed: boolean;
  closed_at: string | null;
  sessions: number;
  minutes: number;
  revenue: number;
  by_station: StationTotals[];
  by_operator: OperatorTotals[];
}

export interface SalesPage {
  sales: Sale[];
  total_amount: number;
  next_before_id: number | null;
}
