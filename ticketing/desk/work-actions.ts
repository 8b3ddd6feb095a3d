import { MesaError } from '../../bot/core/errors.js';
import type { CloseReason } from '../tickets/ticket.js';
import { assertMove, UNCLOSED_STATUSES, WORKING_STATUSES } from '../tickets/lifecycle.js';
import type { Analyst, TicketView } from './analyst-desk.js';
import { changeTicket } from './commit-change.js';
import type { DeskDeps } from './desk-deps.js';
import { refillPushQueues } from './refill.js';
import { assertHolder, ticketFor } from './ticket-access.js';
import { checkedText } from './text-input.js';
import { toView } from './ticket-views.js';

/** Waiting for the user's answer: the SLA timers stop until the user writes again. */
export async function setPendingUser(deps: DeskDeps, analyst: Analyst, number: string): Promise<TicketView> {
  const ticket = await ticketFor(deps, analyst, number);
  assertMove(ticket.status, 'pending_user');
  await assertHolder(deps, analyst, ticket);
  const pending = await changeTicket(deps, {
    number,
    at: deps.clock(),
    expect: { statuses: ['assigned', 'in_progress'], assigneeId: ticket.assigneeId },
    set: { status: 'pending_user' },
    timeline: [{ kind: 'status_changed', actor: analyst.id, data: { from: ticket.status, to: 'pending_user' } }],
    notices: [{ kind: 'pending_user', number }],
  }, 'pending_user');
  return toView(deps, pending);
}

/** Resolved with a note the user reads; the user confirms it, says it is not fixed, or it closes by itself. */
export async function resolve(deps: DeskDeps, analyst: Analyst, number: string, resolutionText: string): Promise<TicketView> {
  const resolution = checkedText(resolutionText);
  const ticket = await ticketFor(deps, analyst, number);
  assertMove(ticket.status, 'resolved');
  await assertHolder(deps, analyst, ticket);
  const at = deps.clock();
  const resolved = await changeTicket(deps, {
    number,
    at,
    expect: { statuses: WORKING_STATUSES, assigneeId: ticket.assigneeId },
    set: { status: 'resolved', handoff: 'ended', resolution, resolvedAt: at },
    timeline: [{ kind: 'resolved', actor: analyst.id, data: { resolution } }],
    notices: [{ kind: 'resolved', number, resolution, autoCloseHours: deps.config.autoCloseHours }],
  }, 'resolved');
  await refillPushQueues(deps);
  return toView(deps, resolved);
}

const ANALYST_CLOSE_REASONS: ReadonlyArray<CloseReason> = ['duplicate', 'spam'];

/** Closed as a duplicate or spam: no survey. A duplicate's user is told; spam gets no answer. */
export async function closeAs(deps: DeskDeps, analyst: Analyst, number: string, reason: Extract<CloseReason, 'duplicate' | 'spam'>): Promise<TicketView> {
  if (!ANALYST_CLOSE_REASONS.includes(reason)) {
    throw new MesaError('invalid_request', `A ticket can be closed as duplicate or spam, not "${String(reason)}".`, { params: { details: 'reason' } });
  }
  const ticket = await ticketFor(deps, analyst, number);
  assertMove(ticket.status, 'closed');
  if (ticket.assigneeId) await assertHolder(deps, analyst, ticket);
  const at = deps.clock();
  const closed = await changeTicket(deps, {
    number,
    at,
    expect: { statuses: UNCLOSED_STATUSES, assigneeId: ticket.assigneeId },
    set: { status: 'closed', handoff: 'ended', closeReason: reason, closedAt: at },
    timeline: [{ kind: 'closed', actor: analyst.id, data: { reason } }],
    notices: reason === 'duplicate' ? [{ kind: 'closed', number, reason }] : [],
  }, 'closed');
  if (ticket.assigneeId) await refillPushQueues(deps);
  return toView(deps, closed);
}
