import type { TicketNotice } from '../../bot/core/ticket-notice.js';
import type { HandoffMode, Ticket, TicketStatus, TimelineEntry, TimelineKind } from './ticket.js';

/** A timeline line before it is stored (the repository gives it an id and the change's time). */
export interface NewTimelineEntry {
  kind: TimelineKind;
  actor: string;
  data?: Record<string, unknown>;
}

/** The ticket fields a change may set; `queuedAt` restarts the wait when a ticket lands in a queue. */
export type TicketFields = Partial<
  Pick<Ticket, 'status' | 'handoff' | 'queueId' | 'assigneeId' | 'resolution' | 'closeReason' | 'firstResponseAt' | 'resolvedAt' | 'closedAt'>
> & { queuedAt?: Date };

/**
 * One atomic step of a ticket's life. It applies only while the ticket still is what the caller saw
 * (`expect`), so two people acting at once cannot both win; its timeline lines, notices, survey and
 * assignment record are written in the same transaction as the fields, or not at all.
 */
export interface TicketChange {
  number: string;
  at: Date;
  expect: {
    statuses: readonly TicketStatus[];
    /** undefined: anyone; null: nobody may have it yet; a string: that analyst must still have it. */
    assigneeId?: string | null;
    handoffs?: readonly HandoffMode[];
  };
  set: TicketFields;
  timeline: NewTimelineEntry[];
  notices?: TicketNotice[];
  /** Records who took the ticket and how long it waited, for fair assignment and honest wait estimates. */
  assignment?: { analystId: string };
  /** The survey was asked: it may now be answered, once. */
  survey?: { analystId: string | null };
}

/** A notice written to the outbox, waiting to reach the user. */
export interface PendingNotice {
  id: string;
  conversationId: string;
  notice: TicketNotice;
}

export interface ChangeResult {
  ticket: Ticket;
  /** The timeline lines the change wrote, with their ids. */
  entries: TimelineEntry[];
  notices: PendingNotice[];
}
