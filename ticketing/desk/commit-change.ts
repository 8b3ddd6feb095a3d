import { MesaError } from '../../bot/core/errors.js';
import { illegalTransition, WORKING_STATUSES } from '../tickets/lifecycle.js';
import type { Ticket } from '../tickets/ticket.js';
import type { ChangeResult, TicketChange } from '../tickets/ticket-change.js';
import type { DeskDeps } from './desk-deps.js';
import { notAssignee, ticketNotFound } from './ticket-access.js';

/** Why a change found the ticket no longer as expected: someone else moved it first. */
async function refusal(deps: DeskDeps, change: TicketChange, target: string): Promise<MesaError> {
  const current = await deps.repository.byNumber(change.number);
  if (!current) return ticketNotFound(change.number);
  const { assigneeId } = change.expect;
  // Someone holding it now explains the refusal better than the status it moved to when they took it.
  if (target === 'assigned' && current.assigneeId !== null && WORKING_STATUSES.includes(current.status)) {
    const by = (await deps.staffNames([current.assigneeId])).get(current.assigneeId) ?? current.assigneeId;
    return new MesaError('already_claimed', `Ticket ${current.number} was already taken by ${by}.`, { params: { number: current.number, by } });
  }
  if (!change.expect.statuses.includes(current.status)) return illegalTransition(current.status, target);
  if (assigneeId !== undefined && assigneeId !== null && current.assigneeId !== assigneeId) return notAssignee(deps, current);
  return illegalTransition(current.status, target);
}

/**
 * Writes a change, tells the consoles, and delivers its notices. `target` names the move for the error
 * ("closed", "assigned", "handed_back") when the ticket was no longer where the caller saw it.
 */
export async function commitChange(deps: DeskDeps, change: TicketChange, target: string): Promise<ChangeResult> {
  const result = await deps.repository.change(change);
  if (!result) throw await refusal(deps, change, target);
  const { ticket } = result;
  deps.events.emit({ type: 'ticket', number: ticket.number, queueId: ticket.queueId, status: ticket.status, assigneeId: ticket.assigneeId });
  await deps.notices.deliver(result.notices);
  return result;
}

/** commitChange for the callers that only need the ticket as it is now. */
export async function changeTicket(deps: DeskDeps, change: TicketChange, target: string): Promise<Ticket> {
  return (await commitChange(deps, change, target)).ticket;
}
