import { MesaError } from '../../bot/core/errors.js';
import type { EscalationContext } from '../../bot/core/help-desk.js';
import type { Language } from '../../bot/core/language.js';
import type { QueueConfig, TicketingConfig } from '../config/ticketing-config-types.js';

export const GENERAL_CATEGORY = 'general';

/** What the problem is about, for skills routing: the category of the first article the bot tried. */
export function categoryOf(context: EscalationContext): string {
  return context.tried?.find((article) => article.category)?.category ?? GENERAL_CATEGORY;
}

function serves(queue: QueueConfig, language: Language, category: string): boolean {
  const speaks = queue.languages.includes('*') || queue.languages.includes(language);
  const knows = queue.categories.includes('*') || queue.categories.includes(category);
  return speaks && knows;
}

/** The lowest tier above `aboveTier` with a queue for the language and category; within a tier, config order. */
function lowestMatching(config: TicketingConfig, language: Language, category: string, aboveTier: number): QueueConfig | undefined {
  return config.queues
    .filter((queue) => queue.tier > aboveTier && serves(queue, language, category))
    .sort((a, b) => a.tier - b.tier)[0];
}

/** Where a new ticket goes: the first-line queue with the skills; failing that, the first-line queue at all. */
export function routeNewTicket(config: TicketingConfig, language: Language, category: string): QueueConfig {
  const queue = lowestMatching(config, language, category, 0) ?? [...config.queues].sort((a, b) => a.tier - b.tier)[0];
  if (!queue) throw new MesaError('queue_not_found', 'No queue is configured.', { params: { id: '' } });
  return queue;
}

/** The next tier's queue for the ticket's language and category. */
export function escalationTarget(config: TicketingConfig, from: QueueConfig, language: Language, category: string): QueueConfig {
  const queue = lowestMatching(config, language, category, from.tier);
  if (!queue) throw new MesaError('queue_not_found', `No queue above tier ${from.tier} serves this ticket.`, { params: { id: `tier ${from.tier + 1}` } });
  return queue;
}

export function queueById(config: TicketingConfig, id: string): QueueConfig {
  const queue = config.queues.find((candidate) => candidate.id === id);
  if (!queue) throw new MesaError('queue_not_found', `There is no queue "${id}".`, { params: { id } });
  return queue;
}
