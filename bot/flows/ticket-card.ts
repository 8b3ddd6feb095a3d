import type { TicketSummary } from '../core/help-desk.js';
import type { OutboundMessage } from '../core/messages.js';
import type { Translate } from '../i18n/translator.js';
import { ticketIds } from './ticket-ids.js';
import { statusWords, ticketRef } from './ticket-words.js';

/** One ticket as the user sees it: what it is about, its status in plain words, where it is and who has it. */
export function ticketCard(t: Translate, ticket: TicketSummary): OutboundMessage {
  const lines = [t('bot:ticket.card', { number: ticket.number, summary: ticket.summary, status: statusWords(t, ticket.status), queue: ticket.queueName })];
  if (ticket.assigneeName) lines.push(t('bot:ticket.handled_by', { name: ticket.assigneeName }));
  else if (ticket.status !== 'closed') lines.push(t('bot:ticket.unassigned'));
  return {
    text: lines.join('\n'),
    ticket: ticketRef(ticket),
    // A resolved ticket waits for the user's word; let them give it right here.
    ...(ticket.status === 'resolved'
      ? { actions: [{ id: ticketIds.confirm(ticket.number), label: t('bot:ticket.confirm_button') }, { id: ticketIds.reject(ticket.number), label: t('bot:ticket.reject_button') }] }
      : {}),
  };
}
