import { MesaError } from '../../bot/core/errors.js';
import type { TicketStatus } from './ticket.js';

/** Statuses in which nobody has answered the user yet: the ticket waits in its queue. */
export const WAITING_STATUSES: readonly TicketStatus[] = ['new', 'reopened'];
/** Statuses in which an analyst holds the ticket and works on it. */
export const WORKING_STATUSES: readonly TicketStatus[] = ['assigned', 'in_progress', 'pending_user'];
export const UNCLOSED_STATUSES: readonly TicketStatus[] = [...WAITING_STATUSES, ...WORKING_STATUSES, 'resolved'];

/**
 * Every move the lifecycle allows. 'new' → 'new' is a transfer of a waiting ticket; a worked ticket
 * transferred goes back to 'new' in its new queue. Closed is final: "not fixed" reopens from resolved.
 */
const ALLOWED: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['new', 'assigned', 'closed'],
  reopened: ['new', 'assigned', 'closed'],
  assigned: ['new', 'in_progress', 'pending_user', 'resolved', 'closed'],
  in_progress: ['new', 'in_progress', 'pending_user', 'resolved', 'closed'],
  pending_user: ['new', 'in_progress', 'resolved', 'closed'],
  resolved: ['closed', 'reopened'],
  closed: [],
};

export function canMove(from: TicketStatus, to: TicketStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** The statuses a ticket may be in for a move to `to`. */
export function statusesBefore(to: TicketStatus): TicketStatus[] {
  return (Object.keys(ALLOWED) as TicketStatus[]).filter((from) => canMove(from, to));
}

export function illegalTransition(from: TicketStatus, to: string): MesaError {
  return new MesaError('illegal_ticket_transition', `A ticket that is "${from}" cannot move to "${to}".`, { params: { from, to } });
}

export function assertMove(from: TicketStatus, to: TicketStatus): void {
  if (!canMove(from, to)) throw illegalTransition(from, to);
}
