import type { TicketStatus, TicketSummary } from '../core/help-desk.js';
import type { TicketRef } from '../core/messages.js';
import type { Translate } from '../i18n/translator.js';

/** A ticket's status in plain words in the user's language ("resolved – waiting for your confirmation"). */
export function statusWords(t: Translate, status: TicketStatus): string {
  return t(`bot:ticket.status.${status}`);
}

export function ticketRef(ticket: Pick<TicketSummary, 'number' | 'status'>): TicketRef {
  return { number: ticket.number, status: ticket.status };
}
