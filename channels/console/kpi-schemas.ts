import { z } from 'zod';
import { LANGUAGES } from '../../bot/core/language.js';
import { KPI_DIMENSIONS, KPI_DRILLDOWNS, type KpiFilter } from '../../ticketing/reports/kpi-figures.js';

const DAY_MS = 86_400_000;
/** A dashboard spans at most a bit over a year: longer views are for exports, not for the desk. */
const MAX_SPAN_DAYS = 400;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-01').refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'is not a real date');
const value = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_.:@-]+$/, 'must be letters, digits, dots, colons, dashes or underscores');

const sliceShape = {
  from: day.optional(),
  to: day.optional(),
  channel: value.optional(),
  language: z.enum(LANGUAGES).optional(),
  queue: value.optional(),
  analyst: value.optional(),
  category: value.optional(),
  format: z.enum(['json', 'csv']).default('json'),
};

export const kpiQuery = z.object({ ...sliceShape, by: z.enum(KPI_DIMENSIONS).optional() });
export const kpiTicketsQuery = z.object({ ...sliceShape, figure: z.enum(KPI_DRILLDOWNS), limit: z.coerce.number().int().min(1).max(5000).default(200) });
export const monthlyReportQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11'), lang: z.enum(LANGUAGES).optional() });

/** The filter of a query: `to` is inclusive as a day, so [from, to + 1 day); the last 30 days by default. */
export function kpiFilterOf(query: z.infer<typeof kpiQuery> | z.infer<typeof kpiTicketsQuery>, now: Date): KpiFilter {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const to = query.to ? Date.parse(`${query.to}T00:00:00Z`) + DAY_MS : today + DAY_MS;
  const from = query.from ? Date.parse(`${query.from}T00:00:00Z`) : to - 30 * DAY_MS;
  if (from >= to) throw new RangeError('from must be on or before to');
  if (to - from > MAX_SPAN_DAYS * DAY_MS) throw new RangeError(`a view spans at most ${MAX_SPAN_DAYS} days`);
  return {
    from: new Date(from),
    to: new Date(to),
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.language ? { language: query.language } : {}),
    ...(query.queue ? { queue: query.queue } : {}),
    ...(query.analyst ? { analyst: query.analyst } : {}),
    ...(query.category ? { category: query.category } : {}),
  };
}

/** The first day of a month and of the next, for the monthly report. */
export function monthPeriod(month: string): { from: Date; to: Date } {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(year, index - 1, 1)), to: new Date(Date.UTC(year, index, 1)) };
}
