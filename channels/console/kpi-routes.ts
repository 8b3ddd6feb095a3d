import { Router, type Request, type Response } from 'express';
import { MesaError } from '../../bot/core/errors.js';
import { isLanguage, type Language } from '../../bot/core/language.js';
import type { Translator } from '../../bot/i18n/translator.js';
import type { StaffAuth } from '../../bot/staff/staff-auth.js';
import type { KpiFigures, KpiFilter, KpiRow } from '../../ticketing/reports/kpi-figures.js';
import type { KpiSource } from '../../ticketing/reports/kpi-source.js';
import { parseWith } from '../http/parse-with.js';
import { requestLanguage } from '../http/request-language.js';
import { jsonOf } from '../http/json-of.js';
import { toCsv } from './csv.js';
import type * as Wire from './kpi-wire.js';
import { cellText, KPI_COLUMNS, labelOf, TICKET_COLUMNS } from './kpi-columns.js';
import { kpiFilterOf, kpiQuery, kpiTicketsQuery, monthlyReportQuery, monthPeriod } from './kpi-schemas.js';
import { monthlyReportPage } from './kpi-report-page.js';
import { requireRole, requireSignedIn } from './require-staff.js';

export interface KpiRoutesOptions {
  auth: StaffAuth;
  kpis: KpiSource;
  translator: Translator;
  clock: () => Date;
}

function filterOf(query: Parameters<typeof kpiFilterOf>[0], now: Date): KpiFilter {
  try {
    return kpiFilterOf(query, now);
  } catch (error) {
    throw new MesaError('invalid_request', `Invalid query: ${(error as Error).message}`, { params: { details: (error as Error).message } });
  }
}

function sendCsv(response: Response, name: string, csv: string): void {
  response.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${name}.csv"`).send(csv);
}

const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** Coordinators' figures under /api/console/kpis: totals and breakdowns, the tickets behind a figure, CSV and the monthly report. */
export function kpiRoutes({ auth, kpis, translator, clock }: KpiRoutesOptions): Router {
  const router = Router();
  router.use(requireSignedIn(auth), requireRole('coordinator'));
  const languageOf = (request: Request): Language => (isLanguage(request.query.lang) ? request.query.lang : requestLanguage(request));

  router.get('/', async (request, response) => {
    const query = parseWith(kpiQuery, request.query, 'query');
    const filter = filterOf(query, clock());
    const { totals, rows }: { totals: KpiFigures; rows: KpiRow[] } = query.by ? await kpis.view(filter, query.by) : { totals: await kpis.totals(filter), rows: [] };
    if (query.format === 'csv') {
      const t = translator.forLanguage(languageOf(request));
      const table = query.by ? rows : [{ key: null, figures: totals }];
      const header = [query.by ? labelOf(t, `kpi_by_${query.by}`) : labelOf(t, 'kpi_period'), ...KPI_COLUMNS.map((column) => labelOf(t, column.key))];
      const lines = table.map((row) => [row.key ?? (query.by ? labelOf(t, 'kpi_none') : `${dayOf(filter.from)}..${dayOf(new Date(filter.to.getTime() - 1))}`), ...KPI_COLUMNS.map((column) => cellText(column, column.value(row.figures)))]);
      return sendCsv(response, `mesa-kpis-${dayOf(filter.from)}${query.by ? `-by-${query.by}` : ''}`, toCsv(header, lines));
    }
    response.json({ from: filter.from.toISOString(), to: filter.to.toISOString(), totals, ...(query.by ? { by: query.by, rows } : {}) } satisfies Wire.KpiAnswerJson & { from: string; to: string });
  });

  router.get('/tickets', async (request, response) => {
    const query = parseWith(kpiTicketsQuery, request.query, 'query');
    const filter = filterOf(query, clock());
    const tickets = await kpis.tickets(filter, query.figure, query.limit);
    if (query.format === 'csv') {
      const t = translator.forLanguage(languageOf(request));
      return sendCsv(response, `mesa-${query.figure}-${dayOf(filter.from)}`, toCsv(TICKET_COLUMNS.map((column) => labelOf(t, column.key)), tickets.map((ticket) => TICKET_COLUMNS.map((column) => column.value(ticket)))));
    }
    response.json({ figure: query.figure, tickets: tickets.map((ticket) => jsonOf(ticket)) satisfies Wire.KpiTicketJson[] });
  });

  router.get('/report', async (request, response) => {
    const query = parseWith(monthlyReportQuery, request.query, 'query');
    const language = query.lang ?? requestLanguage(request);
    const period = monthPeriod(query.month);
    const [{ totals, rows: byChannel }, byQueue, byLanguage] = await Promise.all([kpis.view(period, 'channel'), kpis.breakdown(period, 'queue'), kpis.breakdown(period, 'language')]);
    // A printable page (the browser's "Save as PDF" makes the PDF); nothing in it runs.
    response.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    response.type('html').send(monthlyReportPage({ month: query.month, language, t: translator.forLanguage(language), totals, breakdowns: { channel: byChannel, queue: byQueue, language: byLanguage }, generatedAt: clock() }));
  });

  return router;
}
