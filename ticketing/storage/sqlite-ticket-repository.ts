import { migrate } from '../../bot/storage/sqlite/migrate.js';
import type { SqliteDatabase } from '../../bot/storage/sqlite/open-database.js';
import type { TicketNotice } from '../../bot/core/ticket-notice.js';
import type { AnalystProfile, Complaint } from '../desk/analyst-desk.js';
import type { Ticket, TimelineEntry } from '../tickets/ticket.js';
import type { ChangeResult, NewTimelineEntry, PendingNotice, TicketChange } from '../tickets/ticket-change.js';
import { formatTicketNumber } from '../tickets/ticket-number.js';
import { RecentlyUsed } from '../../bot/core/recently-used.js';
import type { NewTicket, Pause, SurveyAnswer, SurveyComment, SurveyRecord, SurveyWrite, TicketQuery, TicketRepository, WaitingTicket } from '../tickets/ticket-repository.js';
import { applyChange, changeStatements, writeNotices, writeTimeline, type ChangeStatements } from './sqlite-ticket-change.js';
import { toTicket, toTimelineEntry, type TicketRow, type TimelineRow } from './sqlite-ticket-rows.js';
import { SqliteSurveyStore } from './sqlite-ticket-surveys.js';
import { ticketingMigrations } from './ticketing-migrations.js';

const OPEN = "status <> 'closed'";
const WAITING = "status IN ('new', 'reopened') AND assignee_id IS NULL";
// The order tickets are answered in: most urgent first, then the one that has waited longest.
const QUEUE_ORDER = 'ORDER BY priority ASC, queued_at ASC, seq ASC';
const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');
/** Conversations remembered as having no handoff: as many as the conversation store keeps in memory. */
const CONVERSATIONS_WITHOUT_HANDOFF = 20_000;

/** Tickets in the embedded SQLite database. */
export class SqliteTicketRepository implements TicketRepository {
  private readonly change_: ChangeStatements;
  private readonly surveys: SqliteSurveyStore;
  private readonly statements;
  /**
   * Conversations whose last lookup found no handoff. Every user turn asks, nearly always to hear "none";
   * only this process writes tickets, and any write forgets them all, so a remembered "none" is never stale.
   */
  private readonly withoutHandoff = new RecentlyUsed<string, true>(CONVERSATIONS_WITHOUT_HANDOFF);

  constructor(private readonly db: SqliteDatabase) {
    migrate(db, 'ticketing', ticketingMigrations);
    this.change_ = changeStatements(db);
    this.surveys = new SqliteSurveyStore(db, this.change_);
    this.statements = {
      bySource: db.prepare('SELECT * FROM tickets WHERE source_message_id = ?'),
      byNumber: db.prepare('SELECT * FROM tickets WHERE number = ?'),
      insert: db.prepare(`INSERT INTO tickets (number, source_message_id, type, category, impact, urgency, priority, status, handoff, queue_id,
        conversation_id, channel, user_id, language, summary, context, created_at, updated_at, queued_at)
        VALUES ('', @sourceMessageId, @type, @category, @impact, @urgency, @priority, @status, @handoff, @queueId,
        @conversationId, @channel, @userId, @language, @summary, @context, @createdAt, @createdAt, @createdAt)`),
      setNumber: db.prepare('UPDATE tickets SET number = ? WHERE seq = ?'),
      // Asked on every user turn. MAX instead of ORDER BY ... LIMIT 1: the IN over two index ranges made SQLite sort
      // through a temporary B-tree, ~45 µs a turn even with no tickets at all.
      activeHandoff: db.prepare("SELECT * FROM tickets WHERE seq = (SELECT MAX(seq) FROM tickets WHERE conversation_id = ? AND handoff IN ('queued', 'live'))"),
      // CAST: a bare `LIMIT ?` is planned again on every run (see sqlite-conversation-repository.ts).
      ofUser: db.prepare('SELECT * FROM tickets WHERE user_id = ? ORDER BY seq DESC LIMIT CAST(? AS INTEGER)'),
      waiting: db.prepare(`SELECT * FROM tickets WHERE queue_id = ? AND ${WAITING} ${QUEUE_ORDER}`),
      waitingCounts: db.prepare(`SELECT queue_id, COUNT(*) AS n FROM tickets WHERE ${WAITING} GROUP BY queue_id`),
      timeline: db.prepare('SELECT * FROM ticket_timeline WHERE ticket_seq = ? ORDER BY id'),
      recentWaits: db.prepare(`SELECT (julianday(assigned_at) - julianday(queued_at)) * 1440 AS minutes FROM ticket_assignments
        WHERE queue_id = ? ORDER BY assigned_at DESC, id DESC LIMIT CAST(? AS INTEGER)`),
      unclosed: db.prepare(`SELECT * FROM tickets WHERE ${OPEN}`),
      mark: db.prepare('INSERT OR IGNORE INTO ticket_marks (ticket_seq, mark, at) VALUES (?, ?, ?)'),
      pendingNotices: db.prepare('SELECT id, conversation_id, notice FROM ticket_notices WHERE delivered_at IS NULL ORDER BY id LIMIT 500'),
      delivered: db.prepare('UPDATE ticket_notices SET delivered_at = ? WHERE id = ?'),
      profile: db.prepare('SELECT * FROM analyst_profiles WHERE analyst_id = ?'),
      saveProfile: db.prepare(`INSERT INTO analyst_profiles (analyst_id, languages, categories, capacity) VALUES (?, ?, ?, ?)
        ON CONFLICT (analyst_id) DO UPDATE SET languages = excluded.languages, categories = excluded.categories, capacity = excluded.capacity`),
    };
  }

  async create(ticket: NewTicket): Promise<{ ticket: Ticket; created: boolean }> {
    this.withoutHandoff.clear();
    return this.db.transaction(() => {
      const existing = this.statements.bySource.get(ticket.sourceMessageId) as TicketRow | undefined;
      if (existing) return { ticket: toTicket(existing), created: false };
      const { lastInsertRowid } = this.statements.insert.run({
        ...ticket,
        context: JSON.stringify(ticket.context),
        createdAt: ticket.createdAt.toISOString(),
      });
      const seq = Number(lastInsertRowid);
      this.statements.setNumber.run(formatTicketNumber(ticket.numberPrefix, seq), seq);
      writeTimeline(this.change_, seq, ticket.createdAt, ticket.timeline);
      return { ticket: toTicket(this.change_.bySeq.get(seq) as TicketRow), created: true };
    }).immediate();
  }

  async byNumber(number: string): Promise<Ticket | null> {
    const row = this.statements.byNumber.get(number) as TicketRow | undefined;
    return row ? toTicket(row) : null;
  }

  async activeHandoff(conversationId: string): Promise<Ticket | null> {
    if (this.withoutHandoff.has(conversationId)) return null;
    const row = this.statements.activeHandoff.get(conversationId) as TicketRow | undefined;
    if (!row) this.withoutHandoff.set(conversationId, true);
    return row ? toTicket(row) : null;
  }

  async ofUser(userId: string, limit: number): Promise<Ticket[]> {
    return (this.statements.ofUser.all(userId, limit) as TicketRow[]).map(toTicket);
  }

  async list(query: TicketQuery): Promise<Ticket[]> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (query.queueIds) {
      if (query.queueIds.length === 0) return [];
      where.push(`queue_id IN (${placeholders(query.queueIds.length)})`);
      params.push(...query.queueIds);
    }
    if (query.assigneeId !== undefined) {
      where.push('assignee_id = ?');
      params.push(query.assigneeId);
    }
    if (!query.includeClosed) where.push(OPEN);
    const sql = `SELECT * FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${QUEUE_ORDER} LIMIT CAST(? AS INTEGER)`;
    return (this.db.prepare(sql).all(...params, query.limit) as TicketRow[]).map(toTicket);
  }

  async waiting(queueId: string): Promise<WaitingTicket[]> {
    return (this.statements.waiting.all(queueId) as Array<TicketRow & { queued_at: string }>).map((row) => ({ ...toTicket(row), queuedAt: new Date(row.queued_at) }));
  }

  async waitingCounts(): Promise<Map<string, number>> {
    const rows = this.statements.waitingCounts.all() as Array<{ queue_id: string; n: number }>;
    return new Map(rows.map((row) => [row.queue_id, row.n]));
  }

  async change(change: TicketChange): Promise<ChangeResult | null> {
    this.withoutHandoff.clear();
    return applyChange(this.db, this.change_, change);
  }

  async timeline(ticketId: string): Promise<TimelineEntry[]> {
    return (this.statements.timeline.all(Number(ticketId)) as TimelineRow[]).map(toTimelineEntry);
  }

  async pauses(ticketIds: readonly string[]): Promise<Map<string, Pause[]>> {
    const result = new Map<string, Pause[]>(ticketIds.map((id) => [id, []]));
    if (ticketIds.length === 0) return result;
    const rows = this.db
      .prepare(`SELECT ticket_seq, from_at, to_at FROM ticket_pauses WHERE ticket_seq IN (${placeholders(ticketIds.length)}) ORDER BY id`)
      .all(...ticketIds.map(Number)) as Array<{ ticket_seq: number; from_at: string; to_at: string | null }>;
    for (const row of rows) result.get(String(row.ticket_seq))?.push({ from: new Date(row.from_at), to: row.to_at === null ? null : new Date(row.to_at) });
    return result;
  }

  async liveLoad(analystIds: readonly string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>(analystIds.map((id) => [id, 0]));
    if (analystIds.length === 0) return result;
    const rows = this.db
      .prepare(`SELECT assignee_id, COUNT(*) AS n FROM tickets WHERE assignee_id IN (${placeholders(analystIds.length)})
        AND handoff = 'live' AND ${OPEN} GROUP BY assignee_id`)
      .all(...analystIds) as Array<{ assignee_id: string; n: number }>;
    for (const row of rows) result.set(row.assignee_id, row.n);
    return result;
  }

  async lastAssignedAt(analystIds: readonly string[]): Promise<Map<string, Date>> {
    if (analystIds.length === 0) return new Map();
    const rows = this.db
      .prepare(`SELECT analyst_id, MAX(assigned_at) AS at FROM ticket_assignments WHERE analyst_id IN (${placeholders(analystIds.length)}) GROUP BY analyst_id`)
      .all(...analystIds) as Array<{ analyst_id: string; at: string }>;
    return new Map(rows.map((row) => [row.analyst_id, new Date(row.at)]));
  }

  async recentWaits(queueId: string, limit: number): Promise<number[]> {
    return this.statements.recentWaits.pluck().all(queueId, limit) as number[];
  }

  async unclosed(): Promise<Ticket[]> {
    return (this.statements.unclosed.all() as TicketRow[]).map(toTicket);
  }

  async markOnce(ticketId: string, mark: string, at: Date, entry: NewTimelineEntry | null, notices: TicketNotice[] = []): Promise<PendingNotice[] | null> {
    const seq = Number(ticketId);
    this.withoutHandoff.clear();
    return this.db.transaction((): PendingNotice[] | null => {
      if (this.statements.mark.run(seq, mark, at.toISOString()).changes === 0) return null;
      writeTimeline(this.change_, seq, at, entry ? [entry] : []);
      const row = this.change_.bySeq.get(seq) as TicketRow;
      return writeNotices(this.change_, seq, row.conversation_id, at, notices);
    }).immediate();
  }

  async pendingNotices(): Promise<PendingNotice[]> {
    const rows = this.statements.pendingNotices.all() as Array<{ id: number; conversation_id: string; notice: string }>;
    return rows.map((row) => ({ id: String(row.id), conversationId: row.conversation_id, notice: JSON.parse(row.notice) as TicketNotice }));
  }

  async markNoticeDelivered(id: string, at: Date): Promise<void> {
    this.statements.delivered.run(at.toISOString(), Number(id));
  }

  async survey(ticketId: string): Promise<SurveyRecord | null> {
    return this.surveys.survey(ticketId);
  }

  async pendingSurvey(conversationId: string): Promise<string | null> {
    return this.surveys.pendingSurvey(conversationId);
  }

  async answerSurvey(answer: SurveyAnswer): Promise<SurveyWrite> {
    this.withoutHandoff.clear();
    return this.surveys.answer(answer);
  }

  async commentSurvey(comment: SurveyComment): Promise<SurveyWrite> {
    this.withoutHandoff.clear();
    return this.surveys.comment(comment);
  }

  async complaints(): Promise<Complaint[]> {
    return this.surveys.complaints();
  }

  async setComplaintStatus(id: string, status: Complaint['status'], at: Date): Promise<Complaint | null> {
    return this.surveys.setStatus(id, status, at);
  }

  async profile(analystId: string): Promise<AnalystProfile | null> {
    const row = this.statements.profile.get(analystId) as { analyst_id: string; languages: string; categories: string; capacity: number } | undefined;
    if (!row) return null;
    return { analystId: row.analyst_id, languages: JSON.parse(row.languages) as AnalystProfile['languages'], categories: JSON.parse(row.categories) as string[], capacity: row.capacity };
  }

  async saveProfile(profile: AnalystProfile): Promise<void> {
    this.statements.saveProfile.run(profile.analystId, JSON.stringify(profile.languages), JSON.stringify(profile.categories), profile.capacity);
  }
}
