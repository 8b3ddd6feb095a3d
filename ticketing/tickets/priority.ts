import type { Level } from '../../bot/core/help-desk.js';
import type { TicketingConfig } from '../config/ticketing-config-types.js';

/** ITIL: priority is looked up from impact × urgency in the configured matrix, never guessed. */
export function priorityOf(config: Pick<TicketingConfig, 'priorityMatrix'>, impact: Level, urgency: Level): number {
  return config.priorityMatrix[impact][urgency];
}
