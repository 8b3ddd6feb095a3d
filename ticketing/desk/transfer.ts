import type { QueueConfig } from '../config/ticketing-config-types.js';
import { escalationTarget, queueById } from '../queues/routing.js';
import { assertMove } from '../tickets/lifecycle.js';
import type { Analyst, TicketView } from './analyst-desk.js';
import { changeTicket } from './commit-change.js';
import type { DeskDeps } from './desk-deps.js';
import { land } from './push-assignment.js';
import { refillPushQueues } from './refill.js';
import { assertHolder, ticketFor } from './ticket-access.js';
import { checkedText } from './text-input.js';
import { toView } from './ticket-views.js';

/**
 * Moves a ticket to another queue, where it waits unassigned for that queue's analysts. A waiting ticket may
 * be moved by anyone who works its queue (triage); one being worked on only by whoever holds it.
 */
async function moveTo(deps: DeskDeps, analyst: Analyst, number: string, target: QueueConfig, reasonText: string, escalation: boolean): Promise<TicketView> {
  const reason = checkedText(reasonText);
  const ticket = await ticketFor(deps, analyst, number);
  assertMove(ticket.status, 'new');
  if (ticket.assigneeId) await assertHolder(deps, analyst, ticket);
  const at = deps.clock();
  const moved = await changeTicket(deps, {
    number,
    at,
    expect: { statuses: [ticket.status], assigneeId: ticket.assigneeId },
    set: { status: 'new', handoff: 'queued', queueId: target.id, assigneeId: null, queuedAt: at },
    timeline: [{ kind: 'transferred', actor: analyst.id, data: { from: ticket.queueId, to: target.id, reason, escalation } }],
    notices: [{ kind: 'transferred', number, queueName: target.name }],
  }, 'new');
  await land(deps, moved);
  if (ticket.assigneeId) await refillPushQueues(deps);
  return toView(deps, (await deps.repository.byNumber(number)) ?? moved);
}

export async function transfer(deps: DeskDeps, analyst: Analyst, number: string, queueId: string, reason: string): Promise<TicketView> {
  return moveTo(deps, analyst, number, queueById(deps.config, queueId), reason, false);
}

/** To the next tier's queue that serves the ticket's language and category. */
export async function escalate(deps: DeskDeps, analyst: Analyst, number: string, reason: string): Promise<TicketView> {
  const ticket = await ticketFor(deps, analyst, number);
  const target = escalationTarget(deps.config, queueById(deps.config, ticket.queueId), ticket.language, ticket.category);
  return moveTo(deps, analyst, number, target, reason, true);
}
