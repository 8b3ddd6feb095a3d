import { isOpen } from '../calendar/business-calendar.js';
import { calendarOf } from '../config/load-ticketing-config.js';
import type { DeskDeps } from '../desk/desk-deps.js';

/**
 * Tickets that arrived while their queue was closed: once it opens, the user hears that someone will answer
 * now, and the analysts on shift are alerted about each of them.
 */
export async function announceOpenings(deps: DeskDeps, now: Date): Promise<void> {
  for (const queue of deps.config.queues) {
    const calendar = calendarOf(deps.config, queue.calendar);
    if (!isOpen(calendar, now)) continue;
    for (const ticket of await deps.repository.waiting(queue.id)) {
      if (isOpen(calendar, ticket.queuedAt)) continue;
      const notices = await deps.repository.markOnce(ticket.id, `queue_open:${queue.id}:${ticket.queuedAt.toISOString()}`, now, null, [{ kind: 'queue_open', number: ticket.number }]);
      if (!notices) continue;
      await deps.notices.deliver(notices);
      const analystIds = deps.presence.workersOf(queue).map((analyst) => analyst.id);
      deps.events.emit({ type: 'queue_alert', number: ticket.number, queueId: queue.id, analystIds });
    }
  }
}
