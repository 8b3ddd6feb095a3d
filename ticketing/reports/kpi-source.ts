import type { KpiDimension, KpiDrilldown, KpiFigures, KpiFilter, KpiRow, KpiTicket } from './kpi-figures.js';

/** Where KPIs are read from; one implementation per storage engine, computing from recorded events only. */
export interface KpiSource {
  /** The figures of the filtered period as a whole. */
  totals(filter: KpiFilter): Promise<KpiFigures>;
  /** The same figures per value of one dimension, largest volume first. */
  breakdown(filter: KpiFilter, by: KpiDimension): Promise<KpiRow[]>;
  /** A dashboard view: the breakdown and the totals it adds up to, read once. */
  view(filter: KpiFilter, by: KpiDimension): Promise<{ totals: KpiFigures; rows: KpiRow[] }>;
  /** The tickets behind one figure, newest first, at most `limit`. */
  tickets(filter: KpiFilter, drilldown: KpiDrilldown, limit: number): Promise<KpiTicket[]>;
}
