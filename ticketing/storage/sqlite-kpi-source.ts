import type { SqliteDatabase } from '../../bot/storage/sqlite/open-database.js';
import { KPI_DIMENSIONS, type KpiDimension, type KpiDrilldown, type KpiFigures, type KpiFilter, type KpiRow, type KpiTicket } from '../reports/kpi-figures.js';
import { addCounts, assembleFigures } from '../reports/assemble-figures.js';
import type { KpiSource } from '../reports/kpi-source.js';
import { CONVERSATION_COLUMN, DRILLDOWN_WHERE, TICKET_COLUMN, TICKET_SLICE, kpiQueries, selfServiceQuery } from './sqlite-kpi-queries.js';

type Row = Record<string, number | string | null> & { k: string | null };
type Statement = ReturnType<SqliteDatabase['prepare']>;

const TOTAL = "'all'";

/** KPIs on the embedded database: prepared once per grouping, run against the recorded events. */
export class SqliteKpiSource implements KpiSource {
  private readonly groups = new Map<string, { queries: Record<string, Statement>; selfService: Statement }>();
  private readonly drilldowns = new Map<KpiDrilldown, Statement>();

  constructor(private readonly db: SqliteDatabase) {}

  async totals(filter: KpiFilter): Promise<KpiFigures> {
    return assembleFigures(addCounts([...this.counts(filter, null).values()]));
  }

  async breakdown(filter: KpiFilter, by: KpiDimension): Promise<KpiRow[]> {
    return (await this.view(filter, by)).rows;
  }

  async view(filter: KpiFilter, by: KpiDimension): Promise<{ totals: KpiFigures; rows: KpiRow[] }> {
    const groups = this.counts(filter, by);
    const rows = [...groups.entries()].map(([key, counts]) => ({ key, figures: assembleFigures(counts) }));
    rows.sort((a, b) => b.figures.ticketsOpened + b.figures.solvedWithArticle - (a.figures.ticketsOpened + a.figures.solvedWithArticle));
    return { totals: assembleFigures(addCounts([...groups.values()])), rows };
  }

  async tickets(filter: KpiFilter, drilldown: KpiDrilldown, limit: number): Promise<KpiTicket[]> {
    let statement = this.drilldowns.get(drilldown);
    if (!statement) {
      statement = this.db.prepare(`SELECT number, status, queue_id, channel, language, category, created_at FROM tickets t
        WHERE ${DRILLDOWN_WHERE[drilldown]} AND ${TICKET_SLICE} ORDER BY t.seq DESC LIMIT CAST(@limit AS INTEGER)`);
      this.drilldowns.set(drilldown, statement);
    }
    const rows = statement.all({ ...parameters(filter), limit }) as Array<Record<string, string>>;
    return rows.map((row) => ({ number: row.number!, status: row.status!, queueId: row.queue_id!, channel: row.channel!, language: row.language!, category: row.category!, createdAt: new Date(row.created_at!) }));
  }

  /** Each group's raw counts, by query name; one group ('all') without a dimension. */
  private counts(filter: KpiFilter, by: KpiDimension | null): Map<string | null, Map<string, Row>> {
    const { queries, selfService } = this.statementsFor(by);
    const params = parameters(filter);
    const groups = new Map<string | null, Map<string, Row>>();
    const add = (name: string, rows: Row[]): void => {
      for (const row of rows) {
        const group = groups.get(row.k) ?? new Map<string, Row>();
        group.set(name, row);
        groups.set(row.k, group);
      }
    };
    for (const [name, statement] of Object.entries(queries)) add(name, statement.all(params) as Row[]);
    add('selfService', selfService.all(params) as Row[]);
    return groups;
  }

  private statementsFor(by: KpiDimension | null): { queries: Record<string, Statement>; selfService: Statement } {
    const name = by ?? 'total';
    let prepared = this.groups.get(name);
    if (!prepared) {
      const queries = Object.fromEntries(Object.entries(kpiQueries(by ? TICKET_COLUMN[by] : TOTAL)).map(([query, sql]) => [query, this.db.prepare(sql)]));
      prepared = { queries, selfService: this.db.prepare(selfServiceQuery(by ? CONVERSATION_COLUMN[by] : TOTAL)) };
      this.groups.set(name, prepared);
    }
    return prepared;
  }
}

function parameters(filter: KpiFilter): Record<string, string | null> {
  const params: Record<string, string | null> = { from: filter.from.toISOString(), to: filter.to.toISOString() };
  for (const dimension of KPI_DIMENSIONS) params[dimension] = filter[dimension] ?? null;
  return params;
}
