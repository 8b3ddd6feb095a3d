import type { ConversationEvent } from '../../bot/core/conversation-events.js';
import type { Language } from '../../bot/core/language.js';
import type { StoredMessage } from '../../bot/core/messages.js';
import type { StaffRole } from '../../bot/staff/roles.js';
import type { CloseReason, Ticket, TicketStatus, TimelineEntry } from '../tickets/ticket.js';

/** The signed-in staff member acting in the analysts' console. */
export interface Analyst {
  id: string;
  name: string;
  roles: readonly StaffRole[];
}

/** One SLA timer of a ticket as of `now`; paused while the ticket waits for the user. */
export interface SlaClock {
  targetMinutes: number;
  /** Business minutes counted so far (pending-user time excluded). */
  elapsedMinutes: number;
  /** When it breaches if nothing changes; null while paused or once met. */
  dueAt: Date | null;
  state: 'running' | 'paused' | 'warning' | 'breached' | 'met';
}

export interface TicketView extends Ticket {
  queueName: string;
  assigneeName: string | null;
  sla: { response: SlaClock; resolution: SlaClock };
}

export interface TicketDetail {
  ticket: TicketView;
  /** Everything that happened, oldest first; notes are entries of kind 'note' (never shown to the user). */
  timeline: TimelineEntry[];
  /** The whole conversation with the user, bot turns included, oldest first. */
  transcript: StoredMessage[];
}

export interface QueueSummary {
  id: string;
  name: string;
  tier: number;
  waiting: number;
  /** Open now by its calendar. */
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
  createdAt: Date;
}

/** An analyst's skills and load limit; defaults apply until an admin sets them. */
export interface AnalystProfile {
  analystId: string;
  languages: Language[];
  /** Categories they handle; ['*'] = any. */
  categories: string[];
  /** Simultaneous conversations. */
  capacity: number;
}

export type DeskEvent =
  /** A ticket was created or changed; consoles refresh lists and open views. */
  | { type: 'ticket'; number: string; queueId: string; status: TicketStatus; assigneeId: string | null }
  /** A ticket landed in a queue the listed analysts work, or was assigned to one of them: notify them now. */
  | { type: 'queue_alert'; number: string; queueId: string; analystIds: string[] }
  | { type: 'complaint'; id: string; ticketNumber: string };

export interface ListFilter {
  /** queue: waiting and open tickets of one queue; mine: assigned to the analyst; all: every open ticket they may see. */
  scope: 'queue' | 'mine' | 'all';
  queueId?: string;
  includeClosed?: boolean;
}

/**
 * What the analysts' console does. Every method checks the analyst's roles and the ticket's queue:
 * `forbidden` for a queue they do not work, `ticket_not_found`, `illegal_ticket_transition` for a status move the
 * lifecycle does not allow, `already_claimed` when someone else was faster, `over_capacity`, `not_assignee`.
 */
export interface AnalystDesk {
  queues(analyst: Analyst): Promise<QueueSummary[]>;
  list(analyst: Analyst, filter: ListFilter): Promise<TicketView[]>;
  detail(analyst: Analyst, number: string): Promise<TicketDetail>;
  claim(analyst: Analyst, number: string): Promise<TicketView>;
  /** Moves the ticket to another queue with a reason; it waits there unassigned. */
  transfer(analyst: Analyst, number: string, queueId: string, reason: string): Promise<TicketView>;
  /** Transfer to the next tier's queue for the ticket's language and category. */
  escalate(analyst: Analyst, number: string, reason: string): Promise<TicketView>;
  setPendingUser(analyst: Analyst, number: string): Promise<TicketView>;
  resolve(analyst: Analyst, number: string, resolution: string): Promise<TicketView>;
  closeAs(analyst: Analyst, number: string, reason: Extract<CloseReason, 'duplicate' | 'spam'>): Promise<TicketView>;
  addNote(analyst: Analyst, number: string, text: string): Promise<TimelineEntry>;
  /** Writes to the user in their own channel, as role `agent`. */
  reply(analyst: Analyst, number: string, text: string): Promise<StoredMessage>;
  /** Ends the live chat: the bot answers the user again; the ticket stays as it is. */
  handBack(analyst: Analyst, number: string): Promise<TicketView>;
  typing(analyst: Analyst, number: string): Promise<void>;
  complaints(analyst: Analyst): Promise<Complaint[]>;
  setComplaintStatus(analyst: Analyst, id: string, status: Complaint['status']): Promise<Complaint>;
  /** Follows one ticket's conversation live (new messages, user typing); returns the unsubscribe function. */
  watch(analyst: Analyst, number: string, listener: (event: ConversationEvent) => void): Promise<() => void>;
  profile(analystId: string): Promise<AnalystProfile>;
  /** Admins and coordinators only. */
  setProfile(actor: Analyst, profile: AnalystProfile): Promise<AnalystProfile>;
  /** The analyst has the console open: counts for push assignment and wait estimates until the returned function is called. */
  connect(analyst: Analyst): () => void;
  subscribe(listener: (event: DeskEvent) => void): () => void;
}
