import type { OpenedTicket } from '../core/help-desk.js';
import type { Language } from '../core/language.js';
import type { OutboundMessage } from '../core/messages.js';
import type { Translate } from '../i18n/translator.js';
import { formatOpening } from './opening-time.js';
import { ticketIds } from './ticket-ids.js';
import { ticketRef } from './ticket-words.js';

/** What the user hears once their ticket exists: its number, where it waits, and an honest idea of how long. */
export function ticketOpenedMessage(t: Translate, language: Language, opened: OpenedTicket, now: Date): OutboundMessage {
  const { ticket } = opened;
  const parts = [t('bot:escalate.opened', { number: ticket.number, queue: ticket.queueName })];
  if (opened.staffed) parts.push(position(t, opened.position), waitWords(t, opened.estimatedWaitMinutes));
  else parts.push(offHours(t, language, opened, now));
  parts.push(t('bot:escalate.keep_writing'));
  return {
    text: parts.join(' '),
    ticket: ticketRef(ticket),
    actions: [{ id: ticketIds.leave(ticket.number), label: t('bot:escalate.leave_button') }],
  };
}

function position(t: Translate, place: number): string {
  return place <= 1 ? t('bot:escalate.position_next') : t('bot:escalate.position', { position: place });
}

function waitWords(t: Translate, minutes: number | null): string {
  if (minutes === null) return t('bot:escalate.wait_unknown');
  if (minutes <= 2) return t('bot:escalate.wait_soon');
  if (minutes < 90) return t('bot:escalate.wait_minutes', { minutes: Math.round(minutes) });
  return t('bot:escalate.wait_hours', { hours: Math.round(minutes / 60) });
}

function offHours(t: Translate, language: Language, { ticket, opensAt, timeZone }: OpenedTicket, now: Date): string {
  if (!opensAt) return t('bot:escalate.offline_unknown', { queue: ticket.queueName });
  const zone = timeZone ?? 'UTC';
  return t('bot:escalate.offline', { queue: ticket.queueName, opensAt: formatOpening(opensAt, zone, language, now), timeZone: zone });
}
