// The fixed parts of the chat panel; ChatView owns what changes.
import { el, i18nAttr, i18nText } from './dom.js';
import { ICONS, icon } from './icons.js';

const INPUT_MAX_HEIGHT_PX = 140;

/** Title, subtitle and the close button. */
export function buildHeader(onClose: () => void): HTMLElement {
  const header = el('header', 'header');
  const titles = el('div', 'titles');
  titles.append(i18nText(el('h2', 'title', { id: 'mesa-title' }), 'title'), i18nText(el('p', 'subtitle'), 'subtitle'));
  const close = i18nAttr(el('button', 'close', { type: 'button', 'data-mesa': 'close' }), 'aria-label', 'close');
  close.append(icon(ICONS.close));
  close.addEventListener('click', onClose);
  const avatar = el('span', 'avatar', { 'aria-hidden': 'true' });
  avatar.append(icon(ICONS.chat));
  header.append(avatar, titles, close);
  return header;
}

/** Three animated dots and the words a screen reader announces. */
export function fillTyping(typing: HTMLElement): HTMLElement {
  const dots = el('span', 'dots', { 'aria-hidden': 'true' });
  dots.append(el('i'), el('i'), el('i'));
  typing.append(dots, i18nText(el('span', 'typing-text'), 'typing'));
  return typing;
}

/** What the user does in the text box. */
export interface ComposerEvents {
  onSubmit(text: string): void;
  /** The user is writing: an analyst in a live chat sees it. */
  onTyping(): void;
}

/** The text box and the send button; Enter sends, Shift+Enter starts a new line. */
export function buildComposer(input: HTMLTextAreaElement, events: ComposerEvents): HTMLElement {
  const form = el('form', 'composer');
  const label = i18nText(el('label', 'sr-only', { for: 'mesa-input' }), 'inputLabel');
  const hint = i18nText(el('span', 'sr-only', { id: 'mesa-hint' }), 'inputHint');
  i18nAttr(input, 'placeholder', 'inputPlaceholder');
  const send = i18nAttr(el('button', 'send', { type: 'submit', 'data-mesa': 'send' }), 'aria-label', 'send');
  send.append(icon(ICONS.send));
  input.addEventListener('keydown', (event) => {
    // Enter while an IME is composing confirms the composition, it must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    form.requestSubmit();
  });
  input.addEventListener('input', () => {
    autosize(input);
    if (input.value.trim()) events.onTyping();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    events.onSubmit(input.value);
  });
  form.append(label, hint, input, send);
  return form;
}

/** Grows the text box with its text, up to a limit. */
export function autosize(input: HTMLTextAreaElement): void {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, INPUT_MAX_HEIGHT_PX)}px`;
}
