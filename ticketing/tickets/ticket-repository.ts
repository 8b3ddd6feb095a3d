import type { AnalystProfile, Complaint } from '../desk/analyst-desk.js';
import type { ChangeResult, NewTimelineEntry, PendingNotice, TicketChange } from './ticket-change.js';
import type { Ticket, TimelineEntry } from './ticket.js';

/** What a new ticket needs; the repository numbers it. */
export interface NewTicket extends Omit<Ticket, 'id' | 'number' | 'resolution' | 'closeReason' | 'updatedAt' | 'firstResponseAt' | 'resolvedAt' | 'closedAt' | 'assigneeId'> {
  numberPrefix: string;
  sourceMessageId: string;
  timeline: NewTimelineEntry[];
}

/** A ticket waiting in its queue, and since when (it restarts when the ticket lands in a queue again). */
export interface WaitingTicket extends Ticket {
  queuedAt: Date;
}

/** A pending-user span; `to` is null while the ticket still waits for the user. */
export interface Pause {
  from: Date;
  to: Date | null;
}

export interface SurveyRecord {
  ticketId: string;
  conversationId: string;
  queueId: string;
  analystId: string | null;
  askedAt: Date;
  score: number | null;
  comment: string | null;
}

export interface TicketQuery {
  /** Only these queues; undefined = every queue. */
  queueIds?: readonly string[];
  assigneeId?: string;
  includeClosed: boolean;
  limit: number;
}

/** Survey answers and the complaint they may raise, written together. */
export interface SurveyAnswer {
  ticketId: string;
  at: Date;
  actor: string;
  score: number;
  openComplaint: boolean;
}

export interface SurveyComment {
  ticketId: string;
  at: Date;
  actor: string;
  comment: string;
  /** Opens a complaint when none exists yet; an existing complaint always receives the comment. */
  openComplaint: boolean;
}

/** Outcome of a survey write: false when the survey was not open for it; the complaint it opened or fed. */
export interface SurveyWrite {
  accepted: boolean;
  complaint: { id: string; created: boolean } | null;
}

/** Where the service desk keeps tickets and everything around them, in its own words. */
export interface TicketRepository {
  /** Idempotent per source message: a retried turn gets the ticket the first attempt created. */
  create(ticket: NewTicket): Promise<{ ticket: Ticket; created: boolean }>;
  byNumber(number: string): Promise<Ticket | null>;
  /** The conversation's ticket whose handoff is queued or live. */
  activeHandoff(conversationId: string): Promise<Ticket | null>;
  /** Newest first. */
  ofUser(userId: string, limit: number): Promise<Ticket[]>;
  /** Priority first, then longest waiting. */
  list(query: TicketQuery): Promise<Ticket[]>;
  /** Unassigned new/reopened tickets of the queue in the order they will be answered. */
  waiting(queueId: string): Promise<WaitingTicket[]>;
  waitingCounts(): Promise<Map<string, number>>;
  /** Null when the ticket is not (or no longer) what `change.expect` says; nothing is written then. */
  change(change: TicketChange): Promise<ChangeResult | null>;
  timeline(ticketId: string): Promise<TimelineEntry[]>;
  pauses(ticketIds: readonly string[]): Promise<Map<string, Pause[]>>;

  /** Live conversations each analyst holds now. */
  liveLoad(analystIds: readonly string[]): Promise<Map<string, number>>;
  lastAssignedAt(analystIds: readonly string[]): Promise<Map<string, Date>>;
  /** Minutes the queue's last `limit` answered tickets waited, newest first. */
  recentWaits(queueId: string, limit: number): Promise<number[]>;

  /** Every ticket not closed yet (SLA timers may still move). */
  unclosed(): Promise<Ticket[]>;
  /**
   * Records a once-only fact about a ticket (an SLA warning, a breach, the queue opening for it) with its
   * timeline line and notices; null when it was already recorded, else the notices to deliver.
   */
  markOnce(ticketId: string, mark: string, at: Date, entry: NewTimelineEntry | null, notices?: PendingNotice['notice'][]): Promise<PendingNotice[] | null>;

  pendingNotices(): Promise<PendingNotice[]>;
  markNoticeDelivered(id: string, at: Date): Promise<void>;

  survey(ticketId: string): Promise<SurveyRecord | null>;
  /** Number of the newest ticket whose survey was asked in the conversation and not answered. */
  pendingSurvey(conversationId: string): Promise<string | null>;
  answerSurvey(answer: SurveyAnswer): Promise<SurveyWrite>;
  commentSurvey(comment: SurveyComment): Promise<SurveyWrite>;
  complaints(): Promise<Complaint[]>;
  setComplaintStatus(id: string, status: Complaint['status'], at: Date): Promise<Complaint | null>;

  profile(analystId: string): Promise<AnalystProfile | null>;
  saveProfile(profile: AnalystProfile): Promise<void>;
}
