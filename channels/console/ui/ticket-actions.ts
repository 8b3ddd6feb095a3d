import { ApiError } from './api.js';
import { field, h } from './dom.js';
import { deskApi, ticketPath } from './desk-session.js';
import type { Analyst, QueueSummary, TicketView } from '../desk-wire.js';
import { t } from './i18n.js';

export interface TicketActionsOptions {
  ticket: TicketView;
  me: Analyst;
  /** Queues the ticket may be transferred to. */
  queues: QueueSummary[];
  /** Called after any action succeeded, to show the ticket as it is now. */
  onDone: (message: string) => void;
}

/**
 * Claim, transfer, escalate, pending user, resolve, close as duplicate/spam, hand back. The desk decides
 * what is allowed; a refusal shows the server's own explanation in the analyst's language.
 */
export function ticketActions({ ticket, me, queues, onDone }: TicketActionsOptions): HTMLElement {
  const error = h('p', { class: 'error', attrs: { role: 'alert' } });
  const perform = (action: string, body: Record<string, unknown>, done: string, control: HTMLButtonElement): void => {
    control.disabled = true;
    error.textContent = '';
    deskApi('POST', `${ticketPath(ticket.number)}/${action}`, body).then(() => {
      control.disabled = false;
      onDone(done);
    }, (failure: unknown) => {
      error.textContent = failure instanceof ApiError ? failure.message : t('errorGeneric');
      control.disabled = false;
    });
  };
  const button = (label: string, action: string, done: string, primary = false): HTMLButtonElement => {
    const control = h('button', { class: primary ? 'primary' : '', text: label, attrs: { type: 'button', 'data-action': action } });
    control.addEventListener('click', () => perform(action, {}, done, control));
    return control;
  };
  /** An action that needs words (a reason, a resolution): a disclosure with its own small form. */
  const withForm = (label: string, action: string, inputs: HTMLElement[], body: () => Record<string, unknown>, done: string): HTMLElement => {
    const submit = h('button', { class: 'primary', text: label, attrs: { type: 'submit' } });
    const form = h('form', { class: 'action-form' }, ...inputs, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      perform(action, body(), done, submit);
    });
    return h('details', { class: 'action', attrs: { 'data-action': action } }, h('summary', { text: label }), form);
  };

  if (ticket.status === 'closed') return h('div', { class: 'ticket-actions' }, h('p', { class: 'notice', text: t('ticketClosedNotice') }));

  const transferQueue = h('select', { attrs: { name: 'queueId', required: '' } }, ...queues.filter((queue) => queue.id !== ticket.queueId).map((queue) => h('option', { text: queue.name, attrs: { value: queue.id } })));
  const transferReason = h('input', { attrs: { type: 'text', name: 'reason', maxlength: '1000', required: '' } });
  const escalateReason = h('input', { attrs: { type: 'text', name: 'reason', maxlength: '1000', required: '' } });
  const resolution = h('textarea', { attrs: { name: 'resolution', rows: '3', maxlength: '4000', required: '' } });
  const closeReason = h('select', { attrs: { name: 'reason' } }, ...(['duplicate', 'spam'] as const).map((reason) => h('option', { text: t(`close_${reason}`), attrs: { value: reason } })));

  return h('div', { class: 'ticket-actions', attrs: { role: 'group', 'aria-label': t('actionsLabel') } },
    h('div', { class: 'action-row' },
      ticket.assigneeId !== me.id ? button(t('claim'), 'claim', t('doneClaimed'), true) : null,
      button(t('setPending'), 'pending', t('donePending')),
      button(t('handBack'), 'hand-back', t('doneHandedBack'))),
    h('div', { class: 'action-row' },
      withForm(t('escalate'), 'escalate', [field(t('escalateReason'), escalateReason)], () => ({ reason: escalateReason.value }), t('doneEscalated')),
      transferQueue.options.length > 0
        ? withForm(t('transfer'), 'transfer', [field(t('transferQueue'), transferQueue), field(t('transferReason'), transferReason)], () => ({ queueId: transferQueue.value, reason: transferReason.value }), t('doneTransferred'))
        : null,
      withForm(t('resolve'), 'resolve', [field(t('resolution'), resolution)], () => ({ resolution: resolution.value }), t('doneResolved')),
      withForm(t('closeAs'), 'close', [field(t('closeReason'), closeReason)], () => ({ reason: closeReason.value }), t('doneClosed'))),
    error);
}
