import { ApiError } from './api.js';
import { field, h } from './dom.js';
import { deskApi, ticketPath } from './desk-session.js';
import type { MessageJson } from '../../webchat/wire.js';
import { t } from './i18n.js';

/** The user sees "typing…" for a few seconds per signal; one every 3 s keeps it up without flooding. */
const TYPING_EVERY_MS = 3_000;

export interface ReplyBoxOptions {
  number: string;
  /** The reply as stored, shown at once without waiting for the stream. */
  onReplied: (message: MessageJson) => void;
  onNoted: () => void;
}

function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : t('errorGeneric');
}

/** A small form that posts its text and clears itself on success; Ctrl/⌘+Enter sends too. */
function textForm(options: { label: string; button: string; className: string; send: (text: string) => Promise<void>; onInput?: () => void }): HTMLFormElement {
  const text = h('textarea', { attrs: { name: 'text', rows: '3', maxlength: '4000' } });
  const submit = h('button', { class: 'primary', text: options.button, attrs: { type: 'submit' } });
  const error = h('p', { class: 'error', attrs: { role: 'alert' } });
  const form = h('form', { class: options.className }, field(options.label, text), h('div', { class: 'actions' }, submit), error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    options.send(text.value).then(() => {
      text.value = '';
    }, (failure: unknown) => {
      error.textContent = errorText(failure);
    }).finally(() => {
      submit.disabled = false;
      text.focus();
    });
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  if (options.onInput) text.addEventListener('input', options.onInput);
  return form;
}

export interface ReplyBox {
  element: HTMLElement;
  /** A closed ticket's user is not written to any more; notes stay possible. */
  allowReplies(allowed: boolean): void;
}

/** Writing to the user (they see it as the agent, in their own channel) and internal notes (they never do). */
export function replyBox({ number, onReplied, onNoted }: ReplyBoxOptions): ReplyBox {
  let lastTyping = 0;
  const reply = textForm({
    label: t('replyLabel'),
    button: t('sendReply'),
    className: 'reply-form',
    send: async (text) => onReplied((await deskApi<{ message: MessageJson }>('POST', `${ticketPath(number)}/replies`, { text })).message),
    onInput: () => {
      const now = Date.now();
      if (now - lastTyping < TYPING_EVERY_MS) return;
      lastTyping = now;
      // Best effort: a lost typing signal is not worth an error on screen.
      deskApi('POST', `${ticketPath(number)}/typing`).catch(() => undefined);
    },
  });
  const note = textForm({
    label: t('noteLabel'),
    button: t('addNote'),
    className: 'note-form internal-note',
    send: async (text) => {
      await deskApi('POST', `${ticketPath(number)}/notes`, { text });
      onNoted();
    },
  });
  return {
    element: h('section', { class: 'compose', attrs: { 'aria-label': t('composeLabel') } }, reply, note),
    allowReplies(allowed) {
      reply.hidden = !allowed;
    },
  };
}
