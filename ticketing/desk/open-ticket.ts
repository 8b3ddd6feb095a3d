import type { OpenedTicket, OpenTicketRequest } from '../../bot/core/help-desk.js';
import { isOpen, nextOpening } from '../calendar/business-calendar.js';
import { calendarOf } from '../config/load-ticketing-config.js';
import { categoryOf, queueById, routeNewTicket } from '../queues/routing.js';
import { estimateWaitMinutes, RECENT_WAITS } from '../queues/wait-estimate.js';
import { priorityOf } from '../tickets/priority.js';
import type { Ticket } from '../tickets/ticket.js';
import type { DeskDeps } from './desk-deps.js';
import { land } from './push-assignment.js';
import { toSummary } from './ticket-views.js';

/** Longest summary kept on the ticket; the full words stay in the transcript. */
const MAX_SUMMARY = 500;

/** Where the ticket stands in its queue right now, and what can honestly be said about the wait. */
async function whereItWaits(deps: DeskDeps, ticket: Ticket, at: Date): Promise<Omit<OpenedTicket, 'ticket'>> {
  const queue = queueById(deps.config, ticket.queueId);
  const calendar = calendarOf(deps.config, queue.calendar);
  const waiting = await deps.repository.waiting(queue.id);
  const index = waiting.findIndex((candidate) => candidate.id === ticket.id);
  const position = index === -1 ? 1 : index + 1;
  if (!isOpen(calendar, at)) {
    return { position, estimatedWaitMinutes: null, staffed: false, opensAt: nextOpening(calendar, at), timeZone: calendar.timeZone };
  }
  if (index === -1) return { position, estimatedWaitMinutes: 0, staffed: true };
  const estimatedWaitMinutes = estimateWaitMinutes({
    position,
    recentWaits: await deps.repository.recentWaits(queue.id, RECENT_WAITS),
    analystsOnline: deps.presence.workersOf(queue).length,
    defaultWaitMinutes: deps.config.defaultWaitMinutes,
  });
  return { position, estimatedWaitMinutes, staffed: true };
}

/** Opens the ticket for an escalation (once per source message), routes it, and says where it waits. */
export async function openTicket(deps: DeskDeps, request: OpenTicketRequest): Promise<OpenedTicket> {
  const category = categoryOf(request.context);
  const queue = routeNewTicket(deps.config, request.language, category);
  const priority = priorityOf(deps.config, request.impact, request.urgency);
  const { ticket, created } = await deps.repository.create({
    numberPrefix: deps.config.numberPrefix,
    sourceMessageId: request.sourceMessageId,
    type: request.type,
    category,
    impact: request.impact,
    urgency: request.urgency,
    priority,
    status: 'new',
    handoff: 'queued',
    queueId: queue.id,
    conversationId: request.conversationId,
    channel: request.channel,
    userId: request.userId,
    language: request.language,
    summary: request.summary.trim().slice(0, MAX_SUMMARY),
    context: request.context,
    createdAt: request.at,
    timeline: [{ kind: 'created', actor: 'bot', data: { queueId: queue.id, priority, category, reason: request.context.reason } }],
  });
  let current = ticket;
  if (created) {
    deps.events.emit({ type: 'ticket', number: ticket.number, queueId: ticket.queueId, status: ticket.status, assigneeId: null });
    await land(deps, ticket);
    current = (await deps.repository.byNumber(ticket.number)) ?? ticket;
  }
  return { ticket: await toSummary(deps, current), ...(await whereItWaits(deps, current, request.at)) };
}
