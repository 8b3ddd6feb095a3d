import { isOpen } from '../calendar/business-calendar.js';
import { calendarOf } from '../config/load-ticketing-config.js';
import type { DeskDeps } from '../desk/desk-deps.js';
import { queueById } from '../queues/routing.js';
import type { Ticket } from '../tickets/ticket.js';
import { WAITING_STATUSES } from '../tickets/lifecycle.js';

const MINUTE = 60_000;

function stillQueued(ticket: Ticket): boolean {
  return ticket.handoff === 'queued' && ticket.assigneeId === null && WAITING_STATUSES.includes(ticket.status);
}

/**
 * A user who closes the browser while the queue is open and their ticket waits for an analyst has
 * abandoned the chat, as surely as one who pressed "Leave the queue": the abandonment rate counts both.
 * Unlike leaving on purpose, this does not cancel the ticket (the problem is still there, and the web chat
 * keeps whatever the analyst writes for when the user comes back); it is recorded once on the timeline.
 * Leaving while the queue is closed is not abandonment: the user was told when the team opens.
 */
export async function recordSilentAbandonment(deps: DeskDeps, now: Date): Promise<void> {
  const patience = deps.config.abandonAfterMinutes * MINUTE;
  for (const ticket of (await deps.repository.unclosed()).filter(stillQueued)) {
    const lastSeen = deps.gateway.lastSeen(ticket.conversationId);
    const since = Math.max(lastSeen.getTime(), ticket.createdAt.getTime());
    if (now.getTime() - since < patience) continue;
    const calendar = calendarOf(deps.config, queueById(deps.config, ticket.queueId).calendar);
    if (!isOpen(calendar, new Date(since)) || !isOpen(calendar, now)) continue;
    const waitedMinutes = Math.round((since - ticket.createdAt.getTime()) / MINUTE);
    await deps.repository.markOnce(ticket.id, 'abandoned', now, { kind: 'abandoned', actor: 'system', data: { waitedMinutes, queueId: ticket.queueId, silent: true } });
  }
}
