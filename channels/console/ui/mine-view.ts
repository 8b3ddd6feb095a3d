import { h, replaceChildren } from './dom.js';
import { deskApi, type DeskSession } from './desk-session.js';
import type { TicketView } from '../desk-wire.js';
import { t } from './i18n.js';
import { tickClocks } from './sla-countdown.js';
import { ticketTable } from './ticket-table.js';

/** The conversations the analyst has taken, kept current by the desk feed. */
export function mineView(root: HTMLElement, session: DeskSession): () => void {
  const heading = h('h1', { text: t('navMine'), attrs: { tabindex: '-1' } });
  const list = h('div', { attrs: { 'aria-live': 'polite' } });
  replaceChildren(root, heading, list);

  let shown = new Set<string>();
  let generation = 0;
  const reload = (): void => {
    const mine = ++generation;
    deskApi<{ tickets: TicketView[] }>('GET', '/tickets?scope=mine').then(({ tickets }) => {
      if (mine !== generation) return;
      shown = new Set(tickets.map((ticket) => ticket.number));
      replaceChildren(list, tickets.length > 0 ? ticketTable(tickets, { caption: t('mineCaption') }) : h('p', { class: 'empty', text: t('mineEmpty') }));
    }, session.reportError);
  };
  const unsubscribe = session.feed.subscribe((event) => {
    if (event.type === 'resync' || (event.type === 'ticket' && (event.assigneeId === session.me.id || shown.has(event.number)))) reload();
  });
  const stopClocks = tickClocks(list);
  reload();
  return () => {
    unsubscribe();
    stopClocks();
  };
}
