import type { DeskDeps } from '../desk/desk-deps.js';
import { SLA_METRICS, ticketSla } from '../desk/ticket-sla.js';

/**
 * Records, once each per ticket and timer, the moment a target is close (warning) and the moment it is
 * missed (breach), for the KPIs. A breach found late is still recorded; a warning the sweep slept through is not.
 */
export async function recordSlaEvents(deps: DeskDeps, now: Date): Promise<void> {
  const tickets = await deps.repository.unclosed();
  const pauses = await deps.repository.pauses(tickets.map((ticket) => ticket.id));
  for (const ticket of tickets) {
    const clocks = ticketSla(deps.config, ticket, pauses.get(ticket.id) ?? [], now);
    for (const metric of SLA_METRICS) {
      const clock = clocks[metric];
      const kind = clock.state === 'warning' ? 'sla_warning' : clock.state === 'breached' ? 'sla_breach' : null;
      if (!kind) continue;
      const data = { metric, targetMinutes: clock.targetMinutes, elapsedMinutes: Math.round(clock.elapsedMinutes), priority: ticket.priority };
      const recorded = await deps.repository.markOnce(ticket.id, `${kind}:${metric}`, now, { kind, actor: 'system', data });
      if (recorded) deps.events.emit({ type: 'ticket', number: ticket.number, queueId: ticket.queueId, status: ticket.status, assigneeId: ticket.assigneeId });
    }
  }
}
