import type { SqliteDatabase } from '../../bot/storage/sqlite/open-database.js';
import type { Complaint } from '../desk/analyst-desk.js';
import type { SurveyAnswer, SurveyComment, SurveyRecord, SurveyWrite } from '../tickets/ticket-repository.js';
import { writeTimeline, type ChangeStatements } from './sqlite-ticket-change.js';

interface SurveyRow {
  ticket_seq: number;
  conversation_id: string;
  queue_id: string;
  analyst_id: string | null;
  asked_at: string;
  score: number | null;
  comment: string | null;
}

interface ComplaintRow {
  id: number;
  ticket_number: string;
  queue_id: string;
  analyst_id: string | null;
  score: number | null;
  comment: string | null;
  status: Complaint['status'];
  created_at: string;
}

const toComplaint = (row: ComplaintRow): Complaint => ({
  id: String(row.id),
  ticketNumber: row.ticket_number,
  queueId: row.queue_id,
  analystId: row.analyst_id,
  score: row.score,
  comment: row.comment,
  status: row.status,
  createdAt: new Date(row.created_at),
});

/** Surveys and the complaints they raise; a complaint is always written with the answer that raised it. */
export class SqliteSurveyStore {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase, private readonly change: ChangeStatements) {
    this.statements = {
      survey: db.prepare('SELECT * FROM ticket_surveys WHERE ticket_seq = ?'),
      pending: db.prepare(`SELECT t.number FROM ticket_surveys s JOIN tickets t ON t.seq = s.ticket_seq
        WHERE s.conversation_id = ? AND s.score IS NULL ORDER BY s.asked_at DESC, s.ticket_seq DESC LIMIT 1`),
      answer: db.prepare('UPDATE ticket_surveys SET score = ?, answered_at = ? WHERE ticket_seq = ? AND score IS NULL'),
      comment: db.prepare('UPDATE ticket_surveys SET comment = ?, commented_at = ? WHERE ticket_seq = ? AND score IS NOT NULL AND comment IS NULL'),
      complaintOf: db.prepare('SELECT * FROM ticket_complaints WHERE ticket_seq = ?'),
      openComplaint: db.prepare(`INSERT INTO ticket_complaints (ticket_seq, ticket_number, queue_id, analyst_id, score, comment, status, created_at, updated_at)
        SELECT s.ticket_seq, t.number, s.queue_id, s.analyst_id, s.score, s.comment, 'open', @at, @at
        FROM ticket_surveys s JOIN tickets t ON t.seq = s.ticket_seq WHERE s.ticket_seq = @seq`),
      feedComplaint: db.prepare('UPDATE ticket_complaints SET comment = ?, updated_at = ? WHERE id = ?'),
      complaints: db.prepare("SELECT * FROM ticket_complaints ORDER BY status = 'closed', created_at DESC LIMIT 500"),
      complaint: db.prepare('SELECT * FROM ticket_complaints WHERE id = ?'),
      setStatus: db.prepare('UPDATE ticket_complaints SET status = ?, updated_at = ? WHERE id = ?'),
    };
  }

  survey(ticketId: string): SurveyRecord | null {
    const row = this.statements.survey.get(Number(ticketId)) as SurveyRow | undefined;
    if (!row) return null;
    return {
      ticketId: String(row.ticket_seq),
      conversationId: row.conversation_id,
      queueId: row.queue_id,
      analystId: row.analyst_id,
      askedAt: new Date(row.asked_at),
      score: row.score,
      comment: row.comment,
    };
  }

  pendingSurvey(conversationId: string): string | null {
    return (this.statements.pending.pluck().get(conversationId) as string | undefined) ?? null;
  }

  answer(answer: SurveyAnswer): SurveyWrite {
    const seq = Number(answer.ticketId);
    return this.db.transaction((): SurveyWrite => {
      if (this.statements.answer.run(answer.score, answer.at.toISOString(), seq).changes === 0) return { accepted: false, complaint: null };
      writeTimeline(this.change, seq, answer.at, [{ kind: 'survey_answered', actor: answer.actor, data: { score: answer.score } }]);
      return { accepted: true, complaint: answer.openComplaint ? this.open(seq, answer.at, answer.actor) : null };
    }).immediate();
  }

  comment(comment: SurveyComment): SurveyWrite {
    const seq = Number(comment.ticketId);
    return this.db.transaction((): SurveyWrite => {
      if (this.statements.comment.run(comment.comment, comment.at.toISOString(), seq).changes === 0) return { accepted: false, complaint: null };
      writeTimeline(this.change, seq, comment.at, [{ kind: 'survey_answered', actor: comment.actor, data: { comment: true } }]);
      const existing = this.statements.complaintOf.get(seq) as ComplaintRow | undefined;
      if (existing) {
        this.statements.feedComplaint.run(comment.comment, comment.at.toISOString(), existing.id);
        return { accepted: true, complaint: { id: String(existing.id), created: false } };
      }
      return { accepted: true, complaint: comment.openComplaint ? this.open(seq, comment.at, comment.actor) : null };
    }).immediate();
  }

  private open(seq: number, at: Date, actor: string): { id: string; created: boolean } {
    const { lastInsertRowid } = this.statements.openComplaint.run({ seq, at: at.toISOString() });
    writeTimeline(this.change, seq, at, [{ kind: 'complaint_opened', actor, data: { complaintId: String(lastInsertRowid) } }]);
    return { id: String(lastInsertRowid), created: true };
  }

  complaints(): Complaint[] {
    return (this.statements.complaints.all() as ComplaintRow[]).map(toComplaint);
  }

  setStatus(id: string, status: Complaint['status'], at: Date): Complaint | null {
    if (!/^\d+$/.test(id)) return null;
    this.statements.setStatus.run(status, at.toISOString(), Number(id));
    const row = this.statements.complaint.get(Number(id)) as ComplaintRow | undefined;
    return row ? toComplaint(row) : null;
  }
}
