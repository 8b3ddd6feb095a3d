import { calendarOf } from '../config/load-ticketing-config.js';
import type { SlaTarget, TicketingConfig } from '../config/ticketing-config-types.js';
import { slaClock } from '../sla/sla-clock.js';
import type { Ticket } from '../tickets/ticket.js';
import type { Pause } from '../tickets/ticket-repository.js';
import type { SlaClock } from './analyst-desk.js';

export type SlaMetric = 'response' | 'resolution';
export const SLA_METRICS: readonly SlaMetric[] = ['response', 'resolution'];

/** The targets for a priority; a priority the configuration forgot falls back to the least urgent one it has. */
export function slaTargetOf(config: TicketingConfig, priority: number): SlaTarget {
  const target = config.sla[String(priority)];
  if (target) return target;
  const keys = Object.keys(config.sla).sort((a, b) => Number(a) - Number(b));
  return config.sla[keys[keys.length - 1]!]!;
}

/**
 * Both timers of a ticket as of `now`. Response runs from creation to the first analyst answer; resolution
 * from creation to resolution (a reopened ticket's timer runs again). Pending-user spans pause both.
 */
export function ticketSla(config: TicketingConfig, ticket: Ticket, pauses: Pause[], now: Date): Record<SlaMetric, SlaClock> {
  const target = slaTargetOf(config, ticket.priority);
  const calendar = calendarOf(config, target.calendar);
  const common = { startedAt: ticket.createdAt, pauses, warningAt: config.slaWarningAt, calendar, now };
  return {
    response: slaClock({ ...common, stoppedAt: ticket.firstResponseAt ?? ticket.closedAt, targetMinutes: target.responseMinutes }),
    resolution: slaClock({ ...common, stoppedAt: ticket.resolvedAt ?? ticket.closedAt, targetMinutes: target.resolutionMinutes }),
  };
}
