import { MesaError } from '../../bot/core/errors.js';
import { hasAnyRole } from '../../bot/staff/roles.js';
import type { QueueConfig } from '../config/ticketing-config-types.js';
import type { Ticket } from '../tickets/ticket.js';
import type { Analyst } from './analyst-desk.js';
import type { DeskDeps } from './desk-deps.js';

/** Coordinators (and admins) see and may act on every ticket, whoever holds it. */
export function oversees(analyst: Analyst): boolean {
  return hasAnyRole(analyst.roles, ['coordinator']);
}

export function mayWorkQueue(analyst: Analyst, queue: QueueConfig | undefined): boolean {
  if (oversees(analyst)) return true;
  return queue !== undefined && hasAnyRole(analyst.roles, queue.roles);
}

export function forbidden(): MesaError {
  return new MesaError('forbidden', 'Your account does not work this queue.');
}

export function ticketNotFound(number: string): MesaError {
  return new MesaError('ticket_not_found', `There is no ticket ${number}.`, { params: { number } });
}

/** The ticket, if it exists and is in a queue the analyst works. */
export async function ticketFor(deps: DeskDeps, analyst: Analyst, number: string): Promise<Ticket> {
  if (!hasAnyRole(analyst.roles, ['l1_analyst', 'l2_analyst', 'coordinator'])) throw forbidden();
  const ticket = await deps.repository.byNumber(number);
  if (!ticket) throw ticketNotFound(number);
  if (!mayWorkQueue(analyst, deps.config.queues.find((queue) => queue.id === ticket.queueId))) throw forbidden();
  return ticket;
}

export async function notAssignee(deps: DeskDeps, ticket: Ticket): Promise<MesaError> {
  const by = ticket.assigneeId ? ((await deps.staffNames([ticket.assigneeId])).get(ticket.assigneeId) ?? ticket.assigneeId) : '—';
  return new MesaError('not_assignee', `Ticket ${ticket.number} is not yours to work on.`, { params: { number: ticket.number, by } });
}

/** Only the analyst who holds the ticket may talk and decide for it; coordinators may step in. */
export async function assertHolder(deps: DeskDeps, analyst: Analyst, ticket: Ticket): Promise<void> {
  if (ticket.assigneeId === analyst.id || (oversees(analyst) && ticket.assigneeId !== null)) return;
  throw await notAssignee(deps, ticket);
}
