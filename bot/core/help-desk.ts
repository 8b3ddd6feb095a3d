import type { Language } from './language.js';

/** An article the bot offered or walked before the conversation reached a person. */
export interface TriedArticle {
  id: string;
  title: string;
  language: Language;
  category?: string;
  /** Steps the user saw; 0 when the article was only offered. */
  stepsShown: number;
  totalSteps: number;
  outcome: 'offered' | 'abandoned' | 'fixed' | 'not_fixed';
}

export type EscalationReason = 'user_asked' | 'kb_not_fixed' | 'kb_nothing_found' | 'kb_unavailable' | 'flow_failed' | 'service_request';

/** Everything the bot learned before escalating, so the user never has to repeat it. */
export interface EscalationContext {
  reason: EscalationReason;
  /** The user's own words for the problem or request. */
  problem?: string;
  /** What the bot understood, for the analyst and for routing. */
  intent?: { name: string; confidence: number };
  tried?: TriedArticle[];
}

export type TicketType = 'incident' | 'service_request';
export type Level = 'high' | 'medium' | 'low';
export const LEVELS: readonly Level[] = ['high', 'medium', 'low'];

/** Why a ticket was closed; surveys are never sent for duplicates, spam or contacts the user cancelled. */
export type CloseReason = 'confirmed' | 'auto_closed' | 'cancelled' | 'duplicate' | 'spam';

export type TicketStatus = 'new' | 'assigned' | 'in_progress' | 'pending_user' | 'resolved' | 'closed' | 'reopened';

/** How a conversation relates to its ticket's people: waiting for one, talking with one, or back with the bot. */
export type HandoffMode = 'queued' | 'live' | 'ended';

/** A ticket as the user may see it (the analyst's view has more). */
export interface TicketSummary {
  number: string;
  type: TicketType;
  status: TicketStatus;
  summary: string;
  priority: number;
  queueName: string;
  handoff: HandoffMode;
  /** Name shown to the user for the analyst who has it, if any. */
  assigneeName?: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface OpenTicketRequest {
  conversationId: string;
  channel: string;
  userId: string;
  language: Language;
  /** The user message that led to the ticket: opening twice for it returns the same ticket (a retried turn). */
  sourceMessageId: string;
  type: TicketType;
  summary: string;
  impact: Level;
  urgency: Level;
  context: EscalationContext;
  at: Date;
}

/** What the bot tells the user after escalating. */
export interface OpenedTicket {
  ticket: TicketSummary;
  /** 1 = next to be answered. */
  position: number;
  /** Honest estimate from recent waits and who is on shift; null when there is not enough to say. */
  estimatedWaitMinutes: number | null;
  /** False outside the queue's business hours: the ticket waits for the next opening. */
  staffed: boolean;
  opensAt?: Date;
  /** The IANA time zone opensAt should be shown in. */
  timeZone?: string;
}

/** What the conversation core needs from the service desk, in its own words (ticketing/ implements it). */
export interface HelpDesk {
  /** What ticket numbers start with ("SD" in SD-000123), so numbers users type can be recognised. */
  readonly ticketNumberPrefix: string;
  openTicket(request: OpenTicketRequest): Promise<OpenedTicket>;
  /** The ticket whose people currently own the conversation (queued or live), or null when the bot does. */
  activeHandoff(conversationId: string): Promise<TicketSummary | null>;
  /** A user message during a handoff: the analyst sees it in the transcript; this keeps the ticket's clocks right. */
  userMessaged(number: string, at: Date): Promise<void>;
  /** The user leaves the queue before anyone answered: the ticket is cancelled and the abandonment counted. */
  leaveQueue(number: string, userId: string, at: Date): Promise<TicketSummary>;
  /** The user's own tickets, newest first; tickets of other users are never returned. */
  ticketsOf(userId: string, limit: number): Promise<TicketSummary[]>;
  /** Throws `ticket_not_found` for unknown numbers and for other users' tickets alike. */
  ticketOf(userId: string, number: string): Promise<TicketSummary>;
  /** The user agrees the resolution fixed it: the ticket closes. */
  confirmResolution(number: string, userId: string, at: Date): Promise<TicketSummary>;
  /** The user says it is not fixed: the ticket reopens to the same queue. */
  rejectResolution(number: string, userId: string, comment: string | null, at: Date): Promise<TicketSummary>;
  /**
   * Records the 1–5 rating the moment it is given (the comment is optional and may never come).
   * Throws `survey_out_of_range` for anything but an integer 1–5, `survey_closed` when the survey was already
   * answered or never asked. A score of 2 or less opens a complaint for the coordinator.
   */
  answerSurvey(input: { number: string; userId: string; score: number; at: Date }): Promise<{ complaint: boolean }>;
  /** Adds the optional comment to an answered survey; a comment that reads as a complaint opens one. */
  commentSurvey(input: { number: string; userId: string; comment: string; at: Date }): Promise<{ complaint: boolean }>;
  /** The ticket whose survey this conversation was asked and has not answered yet, so a typed "4" can answer it. */
  pendingSurvey(conversationId: string): Promise<string | null>;
}
