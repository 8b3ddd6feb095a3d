/*
 * The analysts' desk as the console receives it (ticketing/desk/analyst-desk.ts after JSON: dates are ISO
 * strings). The server's serialisers (desk-json.ts) return these types and the console UI reads them, so a
 * field changed on either side fails the build. Types only, no runtime imports: the console UI's browser
 * build includes this file without pulling in server code.
 */
import type { MessageJson } from '../webchat/wire.js';

/** The signed-in analyst. */
export interface Analyst {
  id: string;
  name: string;
  roles: string[];
}

/** Where a ticket is in its lifecycle. */
export type TicketStatus = 'new' | 'assigned' | 'in_progress' | 'pending_user' | 'resolved' | 'closed' | 'reopened';

/** One SLA timer; dueAt is null while paused or once met. */
export interface SlaClock {
  targetMinutes: number;
  elapsedMinutes: number;
  dueAt: string | null;
  state: 'running' | 'paused' | 'warning' | 'breached' | 'met';
}

/** A KB article the bot walked the user through before the escalation. */
export interface TriedArticle {
  id: string;
  title: string;
  language: string;
  stepsShown: number;
  totalSteps: number;
  outcome: 'offered' | 'abandoned' | 'fixed' | 'not_fixed';
}

/** Why the bot handed over, and what it had tried. */
export interface EscalationContext {
  reason: string;
  problem?: string;
  intent?: { name: string; confidence: number };
  tried?: TriedArticle[];
}

/** A ticket with its queue's and assignee's names and its SLA clocks. */
export interface TicketView {
  id: string;
  number: string;
  type: 'incident' | 'service_request';
  category: string;
  impact: string;
  urgency: string;
  priority: number;
  status: TicketStatus;
  handoff: 'queued' | 'live' | 'ended';
  queueId: string;
  queueName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  conversationId: string;
  channel: string;
  userId: string;
  language: string;
  summary: string;
  context: EscalationContext;
  resolution: string | null;
  closeReason: string | null;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  sla: { response: SlaClock; resolution: SlaClock };
}

/** One line of a ticket's history; notes are entries of kind 'note'. */
export interface TimelineEntry {
  id: string;
  kind: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
}

/** A ticket with its history and its conversation, oldest first. */
export interface TicketDetail {
  ticket: TicketView;
  timeline: TimelineEntry[];
  /** In the web chat's Message shape, so the console, the widget and integrators read one format. */
  transcript: MessageJson[];
}

/** A queue as the analyst's queue list shows it. */
export interface QueueSummary {
  id: string;
  name: string;
  tier: number;
  waiting: number;
  staffed: boolean;
  analystsOnline: number;
}

/** A complaint coordinators review. */
export interface Complaint {
  id: string;
  ticketNumber: string;
  queueId: string;
  analystId: string | null;
  score: number | null;
  comment: string | null;
  status: 'open' | 'in_review' | 'closed';
  createdAt: string;
}

/** The analyst's live feed (`event: desk`). */
export type DeskEvent =
  | { type: 'ticket'; number: string; queueId: string; status: TicketStatus; assigneeId: string | null }
  | { type: 'queue_alert'; number: string; queueId: string; analystIds: string[] }
  | { type: 'complaint'; id: string; ticketNumber: string };
