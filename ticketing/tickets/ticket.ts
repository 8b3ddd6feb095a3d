import type { Language } from '../../bot/core/language.js';
import type { CloseReason, EscalationContext, HandoffMode, Level, TicketStatus, TicketType } from '../../bot/core/help-desk.js';

export type { CloseReason, HandoffMode, Level, TicketStatus, TicketType };

export interface Ticket {
  id: string;
  /** Human-readable, e.g. SD-000123. */
  number: string;
  type: TicketType;
  category: string;
  impact: Level;
  urgency: Level;
  /** 1 (critical) … 5 (planning), from the configured impact × urgency matrix. */
  priority: number;
  status: TicketStatus;
  handoff: HandoffMode;
  queueId: string;
  assigneeId: string | null;
  conversationId: string;
  channel: string;
  userId: string;
  language: Language;
  summary: string;
  context: EscalationContext;
  resolution: string | null;
  closeReason: CloseReason | null;
  createdAt: Date;
  updatedAt: Date;
  /** When an analyst first answered (claimed and wrote, or claimed); the response SLA stops here. */
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

export type TimelineKind =
  | 'created'
  | 'assigned'
  | 'claimed'
  | 'status_changed'
  | 'transferred'
  | 'note'
  | 'agent_replied'
  | 'handed_back'
  | 'resolved'
  | 'reopened'
  | 'closed'
  | 'abandoned'
  | 'sla_warning'
  | 'sla_breach'
  | 'survey_answered'
  | 'complaint_opened';

/** One line of a ticket's history: who did what, when. */
export interface TimelineEntry {
  id: string;
  ticketId: string;
  kind: TimelineKind;
  /** 'user', 'bot', 'system' or the staff account id. */
  actor: string;
  at: Date;
  data: Record<string, unknown>;
}
