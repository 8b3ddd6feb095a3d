import { performance } from 'node:perf_hooks';
import { openDatabase, type SqliteDatabase } from '../../bot/storage/sqlite/open-database.js';
import { SqliteConversationRepository } from '../../bot/storage/sqlite/sqlite-conversation-repository.js';
import { SqliteInsightsRepository } from '../../kb/storage/sqlite-insights-repository.js';
import { KPI_DIMENSIONS, type KpiDimension } from '../../ticketing/reports/kpi-figures.js';
import { SqliteKpiSource } from '../../ticketing/storage/sqlite-kpi-source.js';
import { SqliteTicketRepository } from '../../ticketing/storage/sqlite-ticket-repository.js';
import { freshDataDir } from '../helpers/start-mesa.js';
import { summarize, type LatencySummary } from './percentiles.js';

export interface KpiPhase {
  events: number;
  tickets: number;
  seedSeconds: number;
  /** One dashboard view: the totals and one breakdown of a 30-day period. */
  monthView: LatencySummary;
  /** The same over the whole year. */
  yearView: LatencySummary;
  drilldown: LatencySummary;
}

const YEAR_START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const CHANNELS = ['webchat', 'teams', 'slack', 'whatsapp'];
const LANGUAGES = ['en', 'es', 'pt', 'it'];
const QUEUES = ['l1', 'l1', 'l1', 'l2'];
const CATEGORIES = ['network', 'email', 'access', 'hardware', 'software', 'printing'];
const ANALYSTS = Array.from({ length: 40 }, (_unused, index) => `analyst-${index}`);

/** A deterministic PRNG, so every run seeds the same year of events. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A year of a busy desk written straight into the tables: about one million recorded events. */
function seed(db: SqliteDatabase, targetEvents: number): { events: number; tickets: number } {
  const next = random(42);
  const pick = <T>(values: T[]): T => values[Math.floor(next() * values.length)]!;
  const iso = (ms: number): string => new Date(ms).toISOString();
  const ticket = db.prepare(`INSERT INTO tickets (number, source_message_id, type, category, impact, urgency, priority, status, handoff, queue_id, assignee_id,
    conversation_id, channel, user_id, language, summary, context, created_at, updated_at, queued_at, first_response_at, resolved_at, closed_at)
    VALUES (?, ?, 'incident', ?, 'medium', 'medium', 3, ?, 'ended', ?, ?, ?, ?, ?, ?, 'bench', '{}', ?, ?, ?, ?, ?, ?)`);
  const entry = db.prepare('INSERT INTO ticket_timeline (ticket_seq, kind, actor, at, data) VALUES (?, ?, ?, ?, ?)');
  const mark = db.prepare('INSERT OR IGNORE INTO ticket_marks (ticket_seq, mark, at) VALUES (?, ?, ?)');
  const survey = db.prepare('INSERT INTO ticket_surveys (ticket_seq, conversation_id, queue_id, analyst_id, asked_at, score, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const complaint = db.prepare(`INSERT INTO ticket_complaints (ticket_seq, ticket_number, queue_id, analyst_id, score, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`);
  const user = db.prepare("INSERT INTO users (id, channel, external_id, created_at) VALUES (?, ?, ?, ?)");
  const conversation = db.prepare('INSERT INTO conversations (id, channel, user_id, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const kbEvent = db.prepare('INSERT INTO kb_events (article_id, event, conversation_id, at) VALUES (?, ?, ?, ?)');
  let events = 0;
  let tickets = 0;
  db.transaction(() => {
    for (let n = 1; events < targetEvents; n++) {
      const at = YEAR_START + Math.floor(next() * 365 * DAY);
      const channel = pick(CHANNELS);
      const language = pick(LANGUAGES);
      const conversationId = `bench-${n}`;
      user.run(conversationId, channel, conversationId, iso(at));
      conversation.run(conversationId, channel, conversationId, JSON.stringify({ language }), iso(at), iso(at));
      if (next() < 0.35) {
        // The bot fixed it: offered, opened and solved, no ticket.
        for (const event of ['offered', 'opened', 'solved']) kbEvent.run('vpn-cannot-connect', event, conversationId, iso(at + 60_000));
        events += 3;
        continue;
      }
      const analyst = pick(ANALYSTS);
      const answered = at + Math.floor(next() * 90) * 60_000;
      const resolved = answered + Math.floor(next() * 600) * 60_000;
      const abandoned = next() < 0.05;
      const number = `SD-${String(n).padStart(7, '0')}`;
      const result = ticket.run(number, `bench-msg-${n}`, pick(CATEGORIES), abandoned ? 'closed' : 'closed', pick(QUEUES), abandoned ? null : analyst, conversationId, channel, conversationId, language,
        iso(at), iso(resolved), iso(at), abandoned ? null : iso(answered), abandoned ? null : iso(resolved), iso(resolved + 3_600_000));
      const seq = Number(result.lastInsertRowid);
      tickets += 1;
      const add = (kind: string, when: number, data: Record<string, unknown> = {}): void => {
        entry.run(seq, kind, 'system', iso(when), JSON.stringify(data));
        events += 1;
      };
      add('created', at);
      if (abandoned) {
        add('abandoned', at + 120_000);
        add('closed', at + 120_000, { reason: 'cancelled' });
        continue;
      }
      add('claimed', answered);
      add('agent_replied', answered + 30_000);
      if (next() < 0.15) add('transferred', answered + 60_000, { escalation: true });
      add('resolved', resolved);
      if (next() < 0.06) add('reopened', resolved + 600_000);
      if (next() < 0.1) {
        mark.run(seq, 'sla_breach:response', iso(answered));
        add('sla_breach', answered, { metric: 'response' });
      }
      add('closed', resolved + 3_600_000, { reason: 'confirmed' });
      if (next() < 0.4) {
        const score = 1 + Math.floor(next() * 5);
        survey.run(seq, conversationId, 'l1', analyst, iso(resolved + 3_600_000), score, iso(resolved + 3_700_000));
        add('survey_answered', resolved + 3_700_000, { score });
        if (score <= 2) complaint.run(seq, number, 'l1', analyst, score, iso(resolved + 3_700_000), iso(resolved + 3_700_000));
      }
    }
  })();
  return { events, tickets };
}

/** KPI views on the embedded default with a year of about a million recorded events. */
export async function kpiPhase(targetEvents = Number(process.env.BENCH_KPI_EVENTS) || 1_000_000): Promise<KpiPhase> {
  const db = openDatabase(freshDataDir('mesa-bench-kpi-'));
  const conversations = new SqliteConversationRepository(db);
  new SqliteTicketRepository(db);
  new SqliteInsightsRepository(db);
  const started = performance.now();
  const { events, tickets } = seed(db, targetEvents);
  db.exec('ANALYZE');
  const seedSeconds = (performance.now() - started) / 1000;
  const kpis = new SqliteKpiSource(db);
  const time = async (work: () => Promise<unknown>): Promise<number> => {
    const begin = performance.now();
    await work();
    return performance.now() - begin;
  };
  const monthView: number[] = [];
  const yearView: number[] = [];
  const drilldown: number[] = [];
  for (let round = 0; round < 60; round++) {
    const from = new Date(YEAR_START + (round % 11) * 30 * DAY);
    const to = new Date(from.getTime() + 30 * DAY);
    const by: KpiDimension = KPI_DIMENSIONS[round % KPI_DIMENSIONS.length]!;
    monthView.push(await time(() => kpis.view({ from, to }, by)));
    drilldown.push(await time(() => kpis.tickets({ from, to }, round % 2 ? 'response_breached' : 'first_contact_resolved', 200)));
    if (round % 6 === 0) yearView.push(await time(() => kpis.view({ from: new Date(YEAR_START), to: new Date(YEAR_START + 365 * DAY) }, by)));
  }
  await conversations.close();
  return { events, tickets, seedSeconds, monthView: summarize(monthView), yearView: summarize(yearView), drilldown: summarize(drilldown) };
}

export function printKpi(phase: KpiPhase): void {
  console.log(`\n== KPI views: ${phase.events.toLocaleString('en')} recorded events, ${phase.tickets.toLocaleString('en')} tickets (seeded in ${phase.seedSeconds.toFixed(1)} s) ==`);
  console.log(`  30-day dashboard view (totals + one breakdown) p50 ${phase.monthView.p50.toFixed(1)} ms, p99 ${phase.monthView.p99.toFixed(1)} ms`);
  console.log(`  whole-year view p50 ${phase.yearView.p50.toFixed(1)} ms, p99 ${phase.yearView.p99.toFixed(1)} ms`);
  console.log(`  drill-down to 200 tickets p50 ${phase.drilldown.p50.toFixed(1)} ms, p99 ${phase.drilldown.p99.toFixed(1)} ms`);
}
