/*
 * The analysts' desk as the console receives it (ticketing/desk/analyst-desk.ts after JSON: dates are ISO
 * strings). The server's serialisers (desk-json.ts) return these types and the console UI reads them, so a
 * field changed on either side fails the build. Types only, no runtime imports: the console UI's browser
 * build includes this file without pulling in server code.
 */
import type { MessageJson } from '../webchat/wire.js';

export interface Analyst {
  id: string;
  name: string;
  roles: string[];
}

export type TicketStatus = 'new' | 'assigned' | 'in_progress' | 'pending_user' | 'resolved' | 'closed' | 'reopened';

export interface SlaClock {
  targetMinutes: number;
  elapsedMinutes: number;
  dueAt: string | null;
  state: 'running' | 'paused' | 'warning' | 'breached' | 'met';
}

export interface TriedArticle {
  id: string;
  title: string;
  language: string;
  stepsShown: number;
  totalSteps: number;
  outcome: 'offered' | 'abandoned' | 'fixed' | 'not_fixed';
}

export interface EscalationContext {
  reason: string;
  problem?: string;
  intent?: { name: string; confidence: number };
  tried?: TriedArticle[];
}

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

export interface TimelineEntry {
  id: string;
  kind: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
}

export interface TicketDetail {
  ticket: TicketView;
  timeline: TimelineEntry[];
  /** In the web chat's Message shape, so the console, the widget and integrators read one format. */
  transcript: MessageJson[];
}

export interface QueueSummary {
  id: string;
  name: string;
  tier: number;
  waiting: number;
  staffed: boolean;
  analystsOnline: number;
}

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

export type DeskEvent =
  | { type: 'ticket'; number: string; queueId: string; status: TicketStatus; assigneeId: string | null }
  | { type: 'queue_alert'; number: string; queueId: string; analystIds: string[] }
  | { type: 'complaint'; id: string; ticketNumber: string };
