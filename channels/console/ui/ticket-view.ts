import { ApiError } from './api.js';
import { h, replaceChildren } from './dom.js';
import { deskApi, loadQueues, ticketPath, type DeskSession } from './desk-session.js';
import type { QueueSummary, TicketDetail } from '../desk-wire.js';
import { t } from './i18n.js';
import { replyBox, type ReplyBox } from './reply-box.js';
import { tickClocks } from './sla-countdown.js';
import { ticketActions } from './ticket-actions.js';
import { ticketContext } from './ticket-context.js';
import { timelinePanel } from './timeline-panel.js';
import { transcriptPanel, type TranscriptPanel } from './transcript-panel.js';

/**
 * One ticket: actions, the live conversation with a reply box and internal notes, the context the bot
 * gathered, and the timeline. The transcript and what the analyst is typing survive refreshes of the rest.
 */
export function ticketView(root: HTMLElement, session: DeskSession, number: string): () => void {
  session.alerts.seen();
  session.alerts.forget(number);
  let transcript: TranscriptPanel | null = null;
  let compose: ReplyBox | null = null;
  let queues: QueueSummary[] = [];
  let actionsKey = '';
  const heading = h('h1', { text: number, attrs: { tabindex: '-1' } });
  const summary = h('div', { class: 'ticket-summary' });
  const notice = h('p', { class: 'notice', attrs: { role: 'status' } });
  const problem = h('p', { class: 'error', attrs: { role: 'alert' } });
  const actions = h('div');
  const side = h('aside', { class: 'ticket-side' });
  const conversation = h('div', { class: 'conversation' });
  replaceChildren(root,
    h('p', {}, h('a', { class: 'back', text: `← ${t('backToQueues')}`, attrs: { href: '#/queues' } })),
    heading, summary, notice, problem, actions,
    h('div', { class: 'ticket-layout' }, conversation, side));
  const stopClocks = tickClocks(root);

  const paint = (detail: TicketDetail): void => {
    const { ticket } = detail;
    root.dataset.ticket = ticket.number;
    heading.textContent = `${ticket.number} · ${ticket.summary}`;
    replaceChildren(summary,
      h('span', { class: `badge ticket-${ticket.status}`, attrs: { 'data-part': 'status' }, text: t(`ticket_${ticket.status}`) }),
      h('span', { class: `badge priority-${ticket.priority}`, text: t('priorityShort', { priority: ticket.priority }) }),
      h('span', { class: 'queue', text: ticket.queueName }),
      h('span', { class: 'assignee', text: ticket.assigneeName ? t('assignedTo', { name: ticket.assigneeName }) : t('unassigned') }),
      ticket.handoff === 'live' ? h('span', { class: 'badge live', text: t('handoffLive') }) : null);
    // Rebuilt only when it changes what is possible, so a half-written reason survives unrelated updates.
    const key = `${ticket.status}|${ticket.handoff}|${ticket.assigneeId ?? ''}|${ticket.queueId}`;
    if (key !== actionsKey) {
      actionsKey = key;
      replaceChildren(actions, ticketActions({ ticket, me: session.me, queues, onDone: (message) => {
        notice.textContent = message;
        refresh();
      } }));
    }
    replaceChildren(side, ticketContext(ticket), timelinePanel(detail.timeline, session.me, ticket));
    if (!transcript) {
      transcript = transcriptPanel(ticket.number, detail.transcript);
      compose = replyBox({
        number: ticket.number,
        onReplied: (message) => transcript?.add([message]),
        onNoted: () => {
          notice.textContent = t('doneNoted');
          refresh();
        },
      });
      replaceChildren(conversation, transcript.element, compose.element);
    } else transcript.add(detail.transcript);
    compose?.allowReplies(ticket.status !== 'closed');
  };

  let generation = 0;
  const refresh = (): void => {
    const mine = ++generation;
    deskApi<TicketDetail>('GET', ticketPath(number)).then((detail) => {
      if (mine !== generation) return;
      problem.textContent = '';
      paint(detail);
    }, (error: unknown) => {
      // Once shown, a failed refresh (say, the ticket moved to a queue this analyst cannot see) must not
      // wipe the page: the last state and the reason stay on screen.
      if (!transcript) return session.reportError(error);
      const gone = error instanceof ApiError && (error.status === 403 || error.status === 404);
      problem.textContent = gone ? t('ticketOutOfReach') : error instanceof ApiError ? error.message : t('errorGeneric');
    });
  };
  const unsubscribe = session.feed.subscribe((event) => {
    if (event.type === 'resync' || (event.type === 'ticket' && event.number === number)) refresh();
  });
  loadQueues().then((loaded) => {
    queues = loaded;
    refresh();
  }, session.reportError);
  return () => {
    unsubscribe();
    stopClocks();
    transcript?.close();
  };
}
