import type { TicketSummary } from '../../bot/core/help-desk.js';
import type { Ticket } from '../tickets/ticket.js';
import type { TicketView } from './analyst-desk.js';
import type { DeskDeps } from './desk-deps.js';
import { ticketSla } from './ticket-sla.js';

export function queueNameOf(deps: DeskDeps, queueId: string): string {
  return deps.config.queues.find((queue) => queue.id === queueId)?.name ?? queueId;
}

async function assigneeNames(deps: DeskDeps, tickets: readonly Ticket[]): Promise<Map<string, string>> {
  const ids = [...new Set(tickets.flatMap((ticket) => (ticket.assigneeId ? [ticket.assigneeId] : [])))];
  return ids.length > 0 ? deps.staffNames(ids) : new Map();
}

/** Tickets as the console shows them: queue and analyst names, and both SLA clocks as of now. */
export async function toViews(deps: DeskDeps, tickets: readonly Ticket[]): Promise<TicketView[]> {
  const [names, pauses] = await Promise.all([assigneeNames(deps, tickets), deps.repository.pauses(tickets.map((ticket) => ticket.id))]);
  const now = deps.clock();
  return tickets.map((ticket) => ({
    ...ticket,
    queueName: queueNameOf(deps, ticket.queueId),
    assigneeName: ticket.assigneeId ? (names.get(ticket.assigneeId) ?? null) : null,
    sla: ticketSla(deps.config, ticket, pauses.get(ticket.id) ?? [], now),
  }));
}

export async function toView(deps: DeskDeps, ticket: Ticket): Promise<TicketView> {
  return (await toViews(deps, [ticket]))[0]!;
}

/** A ticket as its user may see it: no internal fields, no notes. */
export async function toSummaries(deps: DeskDeps, tickets: readonly Ticket[]): Promise<TicketSummary[]> {
  const names = await assigneeNames(deps, tickets);
  return tickets.map((ticket) => ({
    number: ticket.number,
    type: ticket.type,
    status: ticket.status,
    summary: ticket.summary,
    priority: ticket.priority,
    queueName: queueNameOf(deps, ticket.queueId),
    handoff: ticket.handoff,
    ...(ticket.assigneeId && names.has(ticket.assigneeId) ? { assigneeName: names.get(ticket.assigneeId)! } : {}),
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
  }));
}

export async function toSummary(deps: DeskDeps, ticket: Ticket): Promise<TicketSummary> {
  return (await toSummaries(deps, [ticket]))[0]!;
}
