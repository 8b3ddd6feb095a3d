import type { TicketSummary } from '../../bot/core/help-desk.js';
import type { Ticket } from '../tickets/ticket.js';
import type { DeskDeps } from './desk-deps.js';
import { ticketNotFound } from './ticket-access.js';
import { toSummaries, toSummary } from './ticket-views.js';

/** The user's own ticket; someone else's answers exactly like an unknown number, so numbers cannot be probed. */
export async function ownTicket(deps: DeskDeps, userId: string, number: string): Promise<Ticket> {
  const ticket = await deps.repository.byNumber(number);
  if (!ticket || ticket.userId !== userId) throw ticketNotFound(number);
  return ticket;
}

export async function ticketsOf(deps: DeskDeps, userId: string, limit: number): Promise<TicketSummary[]> {
  return toSummaries(deps, await deps.repository.ofUser(userId, Math.max(0, Math.min(limit, 100))));
}

export async function ticketOf(deps: DeskDeps, userId: string, number: string): Promise<TicketSummary> {
  return toSummary(deps, await ownTicket(deps, userId, number));
}

/** Runs on every user turn: one indexed lookup, and names only when a handoff is on. */
export async function activeHandoff(deps: DeskDeps, conversationId: string): Promise<TicketSummary | null> {
  const ticket = await deps.repository.activeHandoff(conversationId);
  return ticket ? toSummary(deps, ticket) : null;
}
