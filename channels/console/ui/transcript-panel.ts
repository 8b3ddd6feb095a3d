import { h } from './dom.js';
import type { MessageJson } from '../../webchat/wire.js';
import { language, t } from './i18n.js';

/** How long "user is typing…" stays up after the last signal; the widget sends one every few seconds. */
const TYPING_SHOWN_MS = 6_000;

export interface TranscriptPanel {
  element: HTMLElement;
  /** Adds messages not shown yet (by id), in order. */
  add(messages: MessageJson[]): void;
  close(): void;
}

/**
 * The whole conversation with the user, bot turns included, and then live from the ticket's stream.
 * Every text goes in as textContent: whatever a user typed stays text.
 */
export function transcriptPanel(number: string, initial: MessageJson[]): TranscriptPanel {
  const list = h('ol', { class: 'transcript', attrs: { role: 'log', 'aria-label': t('transcript'), 'aria-live': 'polite' } });
  const typing = h('p', { class: 'typing', text: t('userTyping'), attrs: { hidden: '' } });
  const element = h('section', { class: 'transcript-panel', attrs: { 'aria-label': t('transcript') } }, h('h2', { text: t('transcript') }), list, typing);
  const when = new Intl.DateTimeFormat(language(), { timeStyle: 'short' });
  const shown = new Set<string>();
  let lastId = '0';
  let typingTimer = 0;

  const add = (messages: MessageJson[]): void => {
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    for (const message of messages) {
      if (shown.has(message.id)) continue;
      shown.add(message.id);
      lastId = message.id;
      if (message.role === 'user') hideTyping();
      list.append(h('li', { class: `msg msg-${message.role}`, attrs: { 'data-role': message.role, 'data-id': message.id, lang: message.locale } },
        h('div', { class: 'meta' }, h('span', { class: 'who', text: t(`role_${message.role}`) }), h('time', { text: when.format(new Date(message.createdAt)), attrs: { datetime: message.createdAt } })),
        h('p', { class: 'text', text: message.text })));
    }
    // Follow the conversation unless the analyst scrolled up to read something.
    if (atBottom) list.scrollTop = list.scrollHeight;
  };
  const hideTyping = (): void => {
    window.clearTimeout(typingTimer);
    typing.hidden = true;
  };

  add(initial);
  // The panel is not in the page yet; scroll once it has a height.
  requestAnimationFrame(() => {
    list.scrollTop = list.scrollHeight;
  });
  const source = new EventSource(`/api/console/desk/tickets/${encodeURIComponent(number)}/stream?after=${encodeURIComponent(lastId)}`);
  source.addEventListener('message', (event) => add([JSON.parse(event.data as string) as MessageJson]));
  source.addEventListener('typing', (event) => {
    const { by } = JSON.parse((event as MessageEvent<string>).data) as { by: string };
    if (by !== 'user') return;
    typing.hidden = false;
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(hideTyping, TYPING_SHOWN_MS);
  });
  return {
    element,
    add,
    close() {
      source.close();
      hideTyping();
    },
  };
}
