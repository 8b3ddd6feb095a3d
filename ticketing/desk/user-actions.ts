import { MesaError } from '../../bot/core/errors.js';
import type { TicketSummary } from '../../bot/core/help-desk.js';
import type { TicketNotice } from '../../bot/core/ticket-notice.js';
import { WAITING_STATUSES } from '../tickets/lifecycle.js';
import { changeTicket } from './commit-change.js';
import type { DeskDeps } from './desk-deps.js';
import { land } from './push-assignment.js';
import { ownTicket } from './user-tickets.js';
import { toSummary } from './ticket-views.js';

/** The user wrote while the ticket waited for them: the analyst's turn again, and the SLA runs again. */
export async function userMessaged(deps: DeskDeps, number: string, at: Date): Promise<void> {
  const ticket = await deps.repository.byNumber(number);
  if (!ticket || ticket.status !== 'pending_user') return;
  // A lost race (the analyst resolved meanwhile) is fine: the message is in the transcript either way.
  await changeTicket(deps, {
    number,
    at,
    expect: { statuses: ['pending_user'] },
    set: { status: 'in_progress' },
    timeline: [{ kind: 'status_changed', actor: 'user', data: { from: 'pending_user', to: 'in_progress' } }],
  }, 'in_progress').catch((error: unknown) => {
    if (!(error instanceof MesaError && error.code === 'illegal_ticket_transition')) throw error;
  });
}

/** The user gives up waiting before anyone answered: cancelled, and counted as abandoned. */
export async function leaveQueue(deps: DeskDeps, number: string, userId: string, at: Date): Promise<TicketSummary> {
  const ticket = await ownTicket(deps, userId, number);
  const waitedMinutes = Math.max(0, Math.round((at.getTime() - ticket.createdAt.getTime()) / 60_000));
  const closed = await changeTicket(deps, {
    number,
    at,
    expect: { statuses: WAITING_STATUSES, assigneeId: null, handoffs: ['queued'] },
    set: { status: 'closed', handoff: 'ended', closeReason: 'cancelled', closedAt: at },
    timeline: [{ kind: 'abandoned', actor: 'user', data: { waitedMinutes, queueId: ticket.queueId } }],
  }, 'closed');
  return toSummary(deps, closed);
}

/** The user agrees it is fixed: closed, then the survey if they can still answer in their channel. */
export async function confirmResolution(deps: DeskDeps, number: string, userId: string, at: Date): Promise<TicketSummary> {
  const ticket = await ownTicket(deps, userId, number);
  const reachable = ticket.status === 'resolved' && (await deps.gateway.reachable(ticket.conversationId, at));
  const notices: TicketNotice[] = reachable ? [{ kind: 'survey', number }] : [];
  const closed = await changeTicket(deps, {
    number,
    at,
    expect: { statuses: ['resolved'] },
    set: { status: 'closed', handoff: 'ended', closeReason: 'confirmed', closedAt: at },
    timeline: [{ kind: 'closed', actor: 'user', data: { reason: 'confirmed' } }],
    notices,
    ...(reachable ? { survey: { analystId: ticket.assigneeId } } : {}),
  }, 'closed');
  return toSummary(deps, closed);
}

/** "Not fixed": back to the same queue, unassigned, to be claimed again, with the user's words for the analyst. */
export async function rejectResolution(deps: DeskDeps, number: string, userId: string, comment: string | null, at: Date): Promise<TicketSummary> {
  await ownTicket(deps, userId, number);
  const reopened = await changeTicket(deps, {
    number,
    at,
    expect: { statuses: ['resolved'] },
    set: { status: 'reopened', handoff: 'queued', assigneeId: null, resolvedAt: null, queuedAt: at },
    timeline: [{ kind: 'reopened', actor: 'user', data: { comment: comment?.trim().slice(0, 4000) || null } }],
  }, 'reopened');
  await land(deps, reopened);
  return toSummary(deps, (await deps.repository.byNumber(number)) ?? reopened);
}
