import type { MessageJson } from '../wire.js';
import { applyStrings, el, i18nAttr, i18nText } from './dom.js';
import { ICONS, icon } from './icons.js';
import { compareIds } from './message-ids.js';
import { renderMessage, type OnAction } from './message-view.js';
import { autosize, buildComposer, buildHeader, fillTyping, type ComposerEvents } from './panel-layout.js';
import type { Strings } from './strings-cache.js';
import { adoptStyles } from './styles.js';
import type { Lang } from './widget-config.js';

// Mirrors the server's MAX_TEXT_LENGTH: longer texts are refused there, so never let them be typed.
const MAX_TEXT = 4000;
// The bot may never answer (e.g. a human agent takes over), so the typing indicator must expire.
const TYPING_TIMEOUT_MS = 20_000;
const LAST_RESORT_TEXT = '…';

/** What the user does in the panel. */
export interface ViewEvents extends ComposerEvents {
  onOpen(): void;
  onAction: OnAction;
}

/** The launcher and the chat panel inside a shadow root. */
export class ChatView {
  readonly host = document.createElement('mesa-widget');
  private readonly shadow = this.host.attachShadow({ mode: 'open' });
  private readonly launcher = el('button', 'launcher', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'mesa-panel', 'data-mesa': 'launcher' });
  private readonly panel = el('section', 'panel', { id: 'mesa-panel', role: 'dialog', 'aria-labelledby': 'mesa-title', 'data-mesa': 'panel' });
  private readonly scroller = el('div', 'scroller');
  private readonly log = el('div', 'log', { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'data-mesa': 'log' });
  private readonly intro = i18nText(el('p', 'intro'), 'intro');
  private readonly typing = el('div', 'typing', { role: 'status', hidden: '' });
  private readonly status = el('div', 'banner status', { role: 'status', hidden: '' });
  private readonly error = el('div', 'banner error', { role: 'alert', hidden: '' });
  private readonly input = el('textarea', 'input', { id: 'mesa-input', rows: '1', maxlength: String(MAX_TEXT), 'aria-describedby': 'mesa-hint', 'data-mesa': 'input' });
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private strings: Strings = {};

  constructor(private readonly events: ViewEvents) {
    this.panel.hidden = true;
    adoptStyles(this.shadow);
    this.shadow.append(this.buildPanel(), this.buildLauncher());
  }

  t = (key: string): string => this.strings[key] ?? LAST_RESORT_TEXT;

  setStrings(strings: Strings, lang: Lang): void {
    this.strings = strings;
    this.panel.lang = lang;
    this.launcher.lang = lang;
    applyStrings(this.shadow, this.t);
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  open(): void {
    this.panel.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.setUnread(false);
    this.scrollToEnd();
    this.input.focus();
    this.events.onOpen();
  }

  close(): void {
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
  }

  setUnread(unread: boolean): void {
    this.launcher.classList.toggle('unread', unread);
    this.launcher.setAttribute('data-i18n-aria-label', unread ? 'launcherUnreadLabel' : 'launcherLabel');
    this.launcher.setAttribute('aria-label', this.t(unread ? 'launcherUnreadLabel' : 'launcherLabel'));
  }

  /** Inserts in id order: a sent message confirmed by POST can race the stream's copy of a reply. */
  addMessage(message: MessageJson): void {
    const stick = this.isNearEnd() || message.role === 'user';
    const item = renderMessage(message, this.events.onAction);
    applyStrings(item, this.t);
    const later = Array.from(this.log.children).find((node) => compareIds((node as HTMLElement).dataset.id ?? '', message.id) > 0);
    this.log.insertBefore(item, later ?? null);
    this.intro.hidden = true;
    this.refreshActions();
    if (stick) this.scrollToEnd();
  }

  hasMessages(): boolean {
    return this.log.childElementCount > 0;
  }

  clearMessages(): void {
    this.log.replaceChildren();
    this.intro.hidden = false;
  }

  /** Only the newest bot or agent message offers live buttons; older choices are history. */
  refreshActions(): void {
    const replies = this.log.querySelectorAll<HTMLElement>('.msg-bot, .msg-agent');
    replies.forEach((reply, index) => {
      const live = index === replies.length - 1 && reply.dataset.answered !== 'true';
      reply.querySelectorAll<HTMLButtonElement>('button.action').forEach((button) => {
        button.disabled = !live;
      });
    });
  }

  /** Marks a reply's buttons as used (or usable again when posting the choice failed). */
  markAnswered(button: HTMLButtonElement, answered: boolean): void {
    const reply = button.closest<HTMLElement>('.msg');
    if (!reply) return;
    reply.dataset.answered = String(answered);
    button.classList.toggle('chosen', answered);
    this.refreshActions();
  }

  setTyping(visible: boolean): void {
    clearTimeout(this.typingTimer);
    this.typing.hidden = !visible;
    if (visible) {
      this.typingTimer = setTimeout(() => this.setTyping(false), TYPING_TIMEOUT_MS);
      if (this.isNearEnd()) this.scrollToEnd();
    }
  }

  setStatus(key: string | null): void {
    this.setBanner(this.status, key);
  }

  setError(key: string | null): void {
    this.setBanner(this.error, key);
  }

  showNotice(key: string): void {
    const notice = i18nText(el('p', 'notice'), key);
    notice.textContent = this.t(key);
    this.log.append(notice);
    this.intro.hidden = true;
  }

  takeInput(): string {
    return this.input.value;
  }

  /** Clears the box only if it still holds what was sent: the user may have typed on meanwhile. */
  clearInput(sent: string): void {
    if (this.input.value !== sent) return;
    this.input.value = '';
    autosize(this.input);
  }

  private setBanner(banner: HTMLElement, key: string | null): void {
    banner.hidden = key === null;
    if (key === null) {
      delete banner.dataset.i18n;
      banner.textContent = '';
    } else {
      i18nText(banner, key).textContent = this.t(key);
    }
  }

  private buildLauncher(): HTMLElement {
    i18nAttr(this.launcher, 'aria-label', 'launcherLabel');
    this.launcher.append(icon(ICONS.chat, 'icon-chat'), icon(ICONS.close, 'icon-close'), el('span', 'badge', { 'aria-hidden': 'true' }));
    this.launcher.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    return this.launcher;
  }

  private buildPanel(): HTMLElement {
    this.panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      this.close();
    });
    this.scroller.append(this.intro, this.log, fillTyping(this.typing));
    this.panel.append(buildHeader(() => this.close()), this.status, this.scroller, this.error, buildComposer(this.input, this.events));
    return this.panel;
  }

  private isNearEnd(): boolean {
    return this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < 80;
  }

  private scrollToEnd(): void {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }
}
