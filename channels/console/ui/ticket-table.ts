import { h } from './dom.js';
import type { TicketView } from '../desk-wire.js';
import { t } from './i18n.js';
import { slaBadge, waitingBadge } from './sla-countdown.js';

export interface TicketTableOptions {
  /** Offers a Claim button per row. */
  onClaim?: (ticket: TicketView, button: HTMLButtonElement) => void;
  showAssignee?: boolean;
  caption: string;
}

/** Tickets as rows: number, summary, language, priority, status, waiting time, SLA countdown. */
export function ticketTable(tickets: TicketView[], { onClaim, showAssignee = false, caption }: TicketTableOptions): HTMLElement {
  const columns = ['colTicket', 'colSummary', 'colLanguage', 'colPriority', 'colStatus', ...(showAssignee ? ['colAssignee'] : []), 'colWaiting', 'colSla', ...(onClaim ? ['colAction'] : [])];
  const rows = tickets.map((ticket) => {
    const claim = onClaim ? h('button', { class: 'primary', text: t('claim'), attrs: { type: 'button', 'aria-label': t('claimTicket', { number: ticket.number }) } }) : null;
    claim?.addEventListener('click', () => onClaim?.(ticket, claim));
    return h('tr', { attrs: { 'data-ticket': ticket.number, 'data-status': ticket.status } },
      h('td', {}, h('a', { class: 'number', text: ticket.number, attrs: { href: `#/tickets/${encodeURIComponent(ticket.number)}` } })),
      h('td', { class: 'summary', text: ticket.summary }),
      h('td', { text: ticket.language.toUpperCase() }),
      h('td', {}, h('span', { class: `badge priority-${ticket.priority}`, text: t('priorityShort', { priority: ticket.priority }) })),
      h('td', {}, h('span', { class: `badge ticket-${ticket.status}`, text: t(`ticket_${ticket.status}`) })),
      showAssignee ? h('td', { text: ticket.assigneeName ?? '—' }) : null,
      h('td', {}, waitingBadge(ticket.createdAt)),
      h('td', {}, slaBadge(ticket)),
      claim ? h('td', {}, claim) : null);
  });
  return h('table', { class: 'list tickets' },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, ...columns.map((key) => h('th', { text: t(key), attrs: { scope: 'col' } })))),
    h('tbody', {}, ...rows));
}
