import { ApiError } from './api.js';
import { h, replaceChildren } from './dom.js';
import { deskApi, loadQueues, ticketPath, type DeskSession } from './desk-session.js';
import type { QueueSummary, TicketView } from '../desk-wire.js';
import { t } from './i18n.js';
import { tickClocks } from './sla-countdown.js';
import { ticketTable } from './ticket-table.js';

/** Coalesces a burst of desk events (one claim publishes several) into one reload. */
const RELOAD_DELAY_MS = 150;

/**
 * One queue: who is waiting (with Claim) and who is being helped, updated live from the desk feed.
 * The queue tabs show each queue's waiting count and whether it is staffed right now.
 */
export function queueView(root: HTMLElement, session: DeskSession, params: URLSearchParams): () => void {
  const heading = h('h1', { text: t('navQueues'), attrs: { tabindex: '-1' } });
  const tabs = h('nav', { class: 'queue-tabs', attrs: { 'aria-label': t('queuesLabel') } });
  const status = h('p', { class: 'error', attrs: { role: 'alert' } });
  const lists = h('div', { class: 'queue-lists', attrs: { 'aria-live': 'polite' } });
  replaceChildren(root, heading, tabs, status, lists);
  session.alerts.seen();

  let queueId = params.get('queue') ?? '';
  let generation = 0;
  const load = async (): Promise<void> => {
    const mine = ++generation;
    const queues = await loadQueues();
    if (!queueId || !queues.some((queue) => queue.id === queueId)) queueId = queues[0]?.id ?? '';
    const tickets = queueId ? (await deskApi<{ tickets: TicketView[] }>('GET', `/tickets?scope=queue&queue=${encodeURIComponent(queueId)}`)).tickets : [];
    if (mine !== generation) return;
    replaceChildren(tabs, ...queues.map((queue) => queueTab(queue, queue.id === queueId)));
    if (!queueId) return replaceChildren(lists, h('p', { class: 'empty', text: t('noQueues') }));
    const waiting = tickets.filter((ticket) => ticket.assigneeId === null);
    const handled = tickets.filter((ticket) => ticket.assigneeId !== null);
    replaceChildren(lists,
      waiting.length > 0 ? ticketTable(waiting, { caption: t('waitingTickets'), onClaim: claim }) : h('p', { class: 'empty', text: t('queueEmpty') }),
      handled.length > 0 ? ticketTable(handled, { caption: t('handledTickets'), showAssignee: true }) : null);
  };
  const reload = (): void => {
    load().catch(session.reportError);
  };
  const claim = (ticket: TicketView, button: HTMLButtonElement): void => {
    button.disabled = true;
    status.textContent = '';
    deskApi('POST', `${ticketPath(ticket.number)}/claim`).then(() => {
      location.hash = `#/tickets/${encodeURIComponent(ticket.number)}`;
    }, (error: unknown) => {
      status.textContent = error instanceof ApiError ? error.message : t('errorGeneric');
      reload();
    });
  };

  let timer = 0;
  const unsubscribe = session.feed.subscribe((event) => {
    if (event.type === 'complaint') return;
    window.clearTimeout(timer);
    timer = window.setTimeout(reload, RELOAD_DELAY_MS);
  });
  const stopClocks = tickClocks(lists);
  reload();
  return () => {
    unsubscribe();
    stopClocks();
    window.clearTimeout(timer);
  };
}

function queueTab(queue: QueueSummary, current: boolean): HTMLElement {
  return h('a', {
    class: `queue-tab${current ? ' current' : ''}${queue.staffed ? '' : ' closed'}`,
    attrs: { href: `#/queues?queue=${encodeURIComponent(queue.id)}`, 'data-queue': queue.id, ...(current ? { 'aria-current': 'page' } : {}) },
  },
  h('span', { class: 'queue-name', text: queue.name }),
  h('span', { class: 'queue-count', text: t('queueWaiting', { count: queue.waiting }) }),
  h('span', { class: 'queue-online', text: queue.staffed ? t('queueOnline', { count: queue.analystsOnline }) : t('queueClosed') }));
}
