import type { EscalationContext } from '../../bot/core/help-desk.js';
import type { Language } from '../../bot/core/language.js';
import type { CloseReason, HandoffMode, Level, Ticket, TicketStatus, TicketType, TimelineEntry, TimelineKind } from '../tickets/ticket.js';
import type { TicketFields } from '../tickets/ticket-change.js';

export interface TicketRow {
  seq: number;
  number: string;
  type: TicketType;
  category: string;
  impact: Level;
  urgency: Level;
  priority: number;
  status: TicketStatus;
  handoff: HandoffMode;
  queue_id: string;
  assignee_id: string | null;
  conversation_id: string;
  channel: string;
  user_id: string;
  language: Language;
  summary: string;
  context: string;
  resolution: string | null;
  close_reason: CloseReason | null;
  created_at: string;
  updated_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
}

export interface TimelineRow {
  id: number;
  ticket_seq: number;
  kind: TimelineKind;
  actor: string;
  at: string;
  data: string;
}

const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));

export function toTicket(row: TicketRow): Ticket {
  return {
    id: String(row.seq),
    number: row.number,
    type: row.type,
    category: row.category,
    impact: row.impact,
    urgency: row.urgency,
    priority: row.priority,
    status: row.status,
    handoff: row.handoff,
    queueId: row.queue_id,
    assigneeId: row.assignee_id,
    conversationId: row.conversation_id,
    channel: row.channel,
    userId: row.user_id,
    language: row.language,
    summary: row.summary,
    context: JSON.parse(row.context) as EscalationContext,
    resolution: row.resolution,
    closeReason: row.close_reason,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    firstResponseAt: dateOrNull(row.first_response_at),
    resolvedAt: dateOrNull(row.resolved_at),
    closedAt: dateOrNull(row.closed_at),
  };
}

export function toTimelineEntry(row: TimelineRow): TimelineEntry {
  return { id: String(row.id), ticketId: String(row.ticket_seq), kind: row.kind, actor: row.actor, at: new Date(row.at), data: JSON.parse(row.data) as Record<string, unknown> };
}

// A fixed map, so a change can only ever name these columns in the UPDATE it builds.
const COLUMNS: Record<keyof TicketFields, string> = {
  status: 'status',
  handoff: 'handoff',
  queueId: 'queue_id',
  assigneeId: 'assignee_id',
  resolution: 'resolution',
  closeReason: 'close_reason',
  firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  queuedAt: 'queued_at',
};

/** `SET` assignments and their values for the fields a change sets. */
export function columnsOf(fields: TicketFields): { assignments: string[]; values: Array<string | number | null> } {
  const assignments: string[] = [];
  const values: Array<string | number | null> = [];
  for (const [key, value] of Object.entries(fields) as Array<[keyof TicketFields, unknown]>) {
    if (value === undefined) continue;
    assignments.push(`${COLUMNS[key]} = ?`);
    values.push(value instanceof Date ? value.toISOString() : (value as string | null));
  }
  return { assignments, values };
}
