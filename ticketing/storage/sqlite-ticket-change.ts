import type { SqliteDatabase } from '../../bot/storage/sqlite/open-database.js';
import type { TicketNotice } from '../../bot/core/ticket-notice.js';
import type { TimelineEntry } from '../tickets/ticket.js';
import type { ChangeResult, NewTimelineEntry, PendingNotice, TicketChange } from '../tickets/ticket-change.js';
import { columnsOf, toTicket, type TicketRow } from './sqlite-ticket-rows.js';

/** Statements a ticket change writes with; prepared once per repository. */
export function changeStatements(db: SqliteDatabase) {
  return {
    bySeq: db.prepare('SELECT * FROM tickets WHERE seq = ?'),
    seqOf: db.prepare('SELECT seq, queued_at FROM tickets WHERE number = ?'),
    timeline: db.prepare('INSERT INTO ticket_timeline (ticket_seq, kind, actor, at, data) VALUES (?, ?, ?, ?, ?)'),
    notice: db.prepare('INSERT INTO ticket_notices (ticket_seq, conversation_id, notice, created_at) VALUES (?, ?, ?, ?)'),
    openPause: db.prepare('INSERT INTO ticket_pauses (ticket_seq, from_at) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM ticket_pauses WHERE ticket_seq = ? AND to_at IS NULL)'),
    closePause: db.prepare('UPDATE ticket_pauses SET to_at = ? WHERE ticket_seq = ? AND to_at IS NULL'),
    assignment: db.prepare('INSERT INTO ticket_assignments (ticket_seq, queue_id, analyst_id, queued_at, assigned_at) VALUES (?, ?, ?, ?, ?)'),
    survey: db.prepare('INSERT OR IGNORE INTO ticket_surveys (ticket_seq, conversation_id, queue_id, analyst_id, asked_at) VALUES (?, ?, ?, ?, ?)'),
  };
}

export type ChangeStatements = ReturnType<typeof changeStatements>;

export function writeTimeline(statements: ChangeStatements, seq: number, at: Date, entries: readonly NewTimelineEntry[]): TimelineEntry[] {
  return entries.map((entry) => {
    const data = entry.data ?? {};
    const { lastInsertRowid } = statements.timeline.run(seq, entry.kind, entry.actor, at.toISOString(), JSON.stringify(data));
    return { id: String(lastInsertRowid), ticketId: String(seq), kind: entry.kind, actor: entry.actor, at, data };
  });
}

export function writeNotices(statements: ChangeStatements, seq: number, conversationId: string, at: Date, notices: readonly TicketNotice[]): PendingNotice[] {
  return notices.map((notice) => {
    const { lastInsertRowid } = statements.notice.run(seq, conversationId, JSON.stringify(notice), at.toISOString());
    return { id: String(lastInsertRowid), conversationId, notice };
  });
}

/** The conditional UPDATE: it changes nothing unless the ticket is still in the expected state. */
function conditionalUpdate(db: SqliteDatabase, change: TicketChange): boolean {
  const { assignments, values } = columnsOf(change.set);
  const where = ['number = ?', `status IN (${change.expect.statuses.map(() => '?').join(', ')})`];
  const params: Array<string | number | null> = [...values, change.at.toISOString(), change.number, ...change.expect.statuses];
  if (change.expect.assigneeId === null) where.push('assignee_id IS NULL');
  else if (change.expect.assigneeId !== undefined) {
    where.push('assignee_id = ?');
    params.push(change.expect.assigneeId);
  }
  if (change.expect.handoffs) {
    where.push(`handoff IN (${change.expect.handoffs.map(() => '?').join(', ')})`);
    params.push(...change.expect.handoffs);
  }
  const sql = `UPDATE tickets SET ${[...assignments, 'updated_at = ?'].join(', ')} WHERE ${where.join(' AND ')}`;
  return db.prepare(sql).run(...params).changes === 1;
}

/** Applies one change and everything that goes with it in a single immediate transaction. */
export function applyChange(db: SqliteDatabase, statements: ChangeStatements, change: TicketChange): ChangeResult | null {
  return db.transaction((): ChangeResult | null => {
    if (change.expect.statuses.length === 0 || !conditionalUpdate(db, change)) return null;
    const { seq, queued_at: queuedAt } = statements.seqOf.get(change.number) as { seq: number; queued_at: string };
    const row = statements.bySeq.get(seq) as TicketRow;
    const at = change.at.toISOString();
    if (change.set.status === 'pending_user') statements.openPause.run(seq, at, seq);
    else if (change.set.status) statements.closePause.run(at, seq);
    if (change.assignment) statements.assignment.run(seq, row.queue_id, change.assignment.analystId, queuedAt, at);
    if (change.survey) statements.survey.run(seq, row.conversation_id, row.queue_id, change.survey.analystId, at);
    const entries = writeTimeline(statements, seq, change.at, change.timeline);
    const notices = writeNotices(statements, seq, row.conversation_id, change.at, change.notices ?? []);
    return { ticket: toTicket(row), entries, notices };
  }).immediate();
}
