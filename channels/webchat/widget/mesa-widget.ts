/*
 * Mesa web chat widget (design.md §4). One classic <script> tag on any page injects a launcher and a
 * chat panel. It is compiled as a plain script, not a module, so it has no imports or exports and
 * lives in one IIFE: integrators paste a tag, nothing else.
 *
 * Everything sits inside a shadow root so the host page's CSS cannot reach the widget and the widget's
 * CSS cannot leak out. Every visible string comes from /api/chat/i18n/<lang>; message data only ever
 * reaches the DOM through textContent.
 */
(() => {
  // ---------------------------------------------------------------------------------------------
  // Types and constants
  // ---------------------------------------------------------------------------------------------

  type Lang = 'en' | 'es' | 'pt' | 'it';
  type Role = 'user' | 'bot' | 'agent' | 'system';
  type Strings = Record<string, string>;

  interface ChatMessage {
    id: string;
    role: Role;
    text: string;
    locale: string;
    createdAt: string;
    actions?: { id: string; label: string }[];
    articles?: { id: string; title: string; language: string }[];
    ticket?: { number: string; status: string };
  }

  interface StoredSession {
    base: string;
    sessionId: string;
    token: string;
    cursor?: string;
    /** Newest message id the user has had on screen; newer bot/agent messages mark the launcher unread. */
    lastRead?: string;
    /** The conversation's language as last seen, so a reload keeps a language the user switched to. */
    locale?: Lang;
    /** Whose session this is; another signed-in user on the same browser starts their own. */
    userId?: string;
  }

  interface PageUser {
    id?: string;
    name?: string;
    email?: string;
    /** HMAC of the id from the intranet's server (MESA_WEBCHAT_IDENTITY_SECRET). */
    signature?: string;
  }

  interface Config {
    base: string;
    forcedLocale: Lang | null;
    user: PageUser;
  }

  const LANGS: readonly Lang[] = ['en', 'es', 'pt', 'it'];
  const STORAGE_KEY = 'mesa.session';
  // Mirrors the server's MAX_TEXT_LENGTH: longer texts are refused there, so never let them be typed.
  const MAX_TEXT = 4000;
  const POLL_WAIT_MS = 25_000;
  // A proxy that breaks streaming shows up as streams that keep failing; after this many, long-poll.
  const STREAM_FAILURES_BEFORE_POLLING = 3;
  const STREAM_RETRY_MS = 60_000;
  // The bot may never answer (e.g. a human agent takes over), so the typing indicator must expire.
  const TYPING_TIMEOUT_MS = 20_000;
  const TYPING_SIGNAL_EVERY_MS = 3_000;
  const LAST_RESORT_TEXT = '…';

  // Must be read while the script runs: currentScript is null in any later callback.
  const currentScript = document.currentScript as HTMLScriptElement | null;

  // ---------------------------------------------------------------------------------------------
  // Small utilities
  // ---------------------------------------------------------------------------------------------

  function toLang(tag: string | undefined): Lang | null {
    const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
    return LANGS.find((lang) => lang === primary) ?? null;
  }

  function browserLang(): Lang {
    const tags = navigator.languages && navigator.languages.length > 0 ? navigator.languages : [navigator.language];
    for (const tag of tags) {
      const lang = toLang(tag);
      if (lang) return lang;
    }
    return 'en';
  }

  /** Message ids are increasing numeric strings of any length; compare them without Number overflow. */
  function compareIds(a: string, b: string): number {
    if (a.length !== b.length) return a.length - b.length;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function newerId(a: string | undefined, b: string): string {
    return a === undefined || compareIds(b, a) > 0 ? b : a;
  }

  function sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
  }

  function backoffMs(failures: number): number {
    const base = Math.min(10_000, 500 * 2 ** Math.max(0, failures - 1));
    return base / 2 + Math.random() * (base / 2);
  }

  function readConfig(script: HTMLScriptElement | null): Config {
    const configured = script?.dataset.mesaUrl?.trim();
    const scriptOrigin = script?.src ? new URL(script.src, location.href).origin : location.origin;
    return {
      base: configured ? configured.replace(/\/+$/, '') : scriptOrigin,
      forcedLocale: toLang(script?.dataset.locale),
      user: {
        ...(script?.dataset.userId ? { id: script.dataset.userId } : {}),
        ...(script?.dataset.userName ? { name: script.dataset.userName } : {}),
        ...(script?.dataset.userEmail ? { email: script.dataset.userEmail } : {}),
        ...(script?.dataset.userSignature ? { signature: script.dataset.userSignature } : {}),
      },
    };
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP
  // ---------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(readonly status: number, readonly code: string) {
      super(`${status} ${code}`);
    }
  }

  /** The stream endpoint answered, but not with a usable event stream: long-poll instead. */
  class StreamUnsupported extends Error {}

  function isSessionGone(error: unknown): boolean {
    return error instanceof ApiError && (error.status === 401 || (error.status === 404 && error.code === 'session_not_found'));
  }

  async function toApiError(response: Response): Promise<ApiError> {
    let code = `http_${response.status}`;
    try {
      const body = (await response.json()) as { error?: { code?: unknown } };
      if (typeof body.error?.code === 'string') code = body.error.code;
    } catch {
      // Not our JSON error shape (a proxy page, an empty body): the status alone has to do.
    }
    return new ApiError(response.status, code);
  }

  class Api {
    constructor(readonly base: string) {}

    async request<T>(method: string, path: string, options: { token?: string; body?: unknown; signal?: AbortSignal; headers?: Record<string, string> } = {}): Promise<T> {
      const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
      if (options.token) headers.Authorization = `Bearer ${options.token}`;
      const response = await fetch(this.base + path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        cache: 'no-store',
      });
      if (!response.ok) throw await toApiError(response);
      return (await response.json()) as T;
    }

    strings(lang: Lang): Promise<Strings> {
      return this.request<Strings>('GET', `/api/chat/i18n/${lang}`);
    }

    createSession(locale: Lang, user: PageUser): Promise<{ sessionId: string; token: string }> {
      const { signature, ...profile } = user;
      return this.request('POST', '/api/chat/sessions', {
        body: { locale, ...(Object.keys(profile).length ? { user: profile } : {}) },
        ...(signature ? { headers: { 'X-Mesa-Identity': signature } } : {}),
      });
    }

    async typing(session: StoredSession): Promise<void> {
      await fetch(`${this.base}${sessionPath(session)}/typing`, { method: 'POST', headers: { Authorization: `Bearer ${session.token}` }, cache: 'no-store' });
    }

    post(session: StoredSession, body: { text: string } | { action: { id: string } }): Promise<{ id: string }> {
      return this.request('POST', `${sessionPath(session)}/messages`, { token: session.token, body });
    }
  }

  function sessionPath(session: StoredSession): string {
    return `/api/chat/sessions/${encodeURIComponent(session.sessionId)}`;
  }

  // ---------------------------------------------------------------------------------------------
  // Server-Sent Events over fetch (EventSource cannot send the Authorization header)
  // ---------------------------------------------------------------------------------------------

  interface SseEvent {
    event: string;
    id: string | null;
    data: string;
  }

  /** Calls onEvent per complete event until the stream ends. Lines end in \n or \r\n (what Node servers send). */
  async function readSse(body: ReadableStream<Uint8Array>, onEvent: (event: SseEvent) => void): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let current: SseEvent = { event: 'message', id: null, data: '' };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const raw of lines) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line === '') {
          if (current.data !== '') onEvent(current);
          current = { event: 'message', id: null, data: '' };
        } else {
          applySseField(current, line);
        }
      }
    }
  }

  function applySseField(event: SseEvent, line: string): void {
    if (line.startsWith(':')) return; // a comment: servers send these as heartbeats
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event.event = value;
    else if (field === 'id') event.id = value;
    else if (field === 'data') event.data = event.data === '' ? value : `${event.data}\n${value}`;
  }

  // ---------------------------------------------------------------------------------------------
  // Transport: push stream first, long poll as the fallback, reconnecting from the last seen id
  // ---------------------------------------------------------------------------------------------

  interface TransportHandlers {
    onMessage(message: ChatMessage): void;
    onTyping(): void;
    onConnected(connected: boolean): void;
    onSessionGone(): void;
  }

  class Transport {
    private readonly abort = new AbortController();
    private failures = 0;
    /** When polling after stream failures, the time to give the stream another go; null once it proved unsupported. */
    private retryStreamAt: number | null = null;
    mode: 'stream' | 'poll' = 'stream';

    /** cursor undefined replays the conversation from its first message. */
    constructor(private readonly api: Api, private readonly session: StoredSession, private cursor: string | undefined, private readonly handlers: TransportHandlers) {}

    start(): void {
      void this.run();
    }

    stop(): void {
      this.abort.abort();
    }

    private async run(): Promise<void> {
      const { signal } = this.abort;
      while (!signal.aborted) {
        try {
          if (this.mode === 'stream') await this.streamOnce();
          else await this.pollOnce();
          // A stream the server closed cleanly is simply reopened; the pause avoids a hot loop.
          if (this.mode === 'stream') await sleep(250, signal);
        } catch (error) {
          if (signal.aborted) return;
          if (!(await this.recover(error))) return;
        }
      }
    }

    /** Decides what a failure means; false when this transport must stop. */
    private async recover(error: unknown): Promise<boolean> {
      if (isSessionGone(error)) {
        this.handlers.onSessionGone();
        return false;
      }
      if (error instanceof StreamUnsupported) {
        this.mode = 'poll';
        this.retryStreamAt = null;
        return true;
      }
      this.failures += 1;
      this.handlers.onConnected(false);
      if (this.mode === 'stream' && this.failures >= STREAM_FAILURES_BEFORE_POLLING) {
        this.mode = 'poll';
        this.retryStreamAt = Date.now() + STREAM_RETRY_MS;
      }
      await sleep(backoffMs(this.failures), this.abort.signal);
      return true;
    }

    private connected(): void {
      this.failures = 0;
      this.handlers.onConnected(true);
    }

    private async streamOnce(): Promise<void> {
      const query = this.cursor === undefined ? '' : `?after=${encodeURIComponent(this.cursor)}`;
      const response = await fetch(`${this.api.base}${sessionPath(this.session)}/stream${query}`, {
        headers: { Authorization: `Bearer ${this.session.token}`, Accept: 'text/event-stream' },
        signal: this.abort.signal,
        cache: 'no-store',
      });
      if (!response.ok) throw await this.streamError(response);
      const type = response.headers.get('Content-Type') ?? '';
      if (!response.body || !type.includes('text/event-stream')) throw new StreamUnsupported();
      this.connected();
      await readSse(response.body, (event) => this.onSseEvent(event));
    }

    private async streamError(response: Response): Promise<Error> {
      const error = await toApiError(response);
      // Server trouble is worth retrying; any other refusal means this server does not stream to us.
      if (isSessionGone(error) || response.status >= 500 || response.status === 429) return error;
      return new StreamUnsupported();
    }

    private onSseEvent(event: SseEvent): void {
      if (event.event === 'typing') {
        this.handlers.onTyping();
        return;
      }
      if (event.event !== 'message') return;
      const message = JSON.parse(event.data) as ChatMessage;
      this.deliver(message, event.id ?? message.id);
    }

    private async pollOnce(): Promise<void> {
      const startedAt = Date.now();
      const query = new URLSearchParams({ waitMs: String(POLL_WAIT_MS) });
      if (this.cursor !== undefined) query.set('after', this.cursor);
      const page = await this.api.request<{ messages: ChatMessage[]; cursor: string }>('GET', `${sessionPath(this.session)}/messages?${query.toString()}`, {
        token: this.session.token,
        signal: this.abort.signal,
      });
      this.connected();
      // Failures may have been a server restart rather than a proxy that breaks streams: try again later.
      if (this.retryStreamAt !== null && Date.now() >= this.retryStreamAt) this.mode = 'stream';
      for (const message of page.messages) this.deliver(message, message.id);
      if (page.cursor) this.cursor = newerId(this.cursor, page.cursor);
      // A server that answers at once instead of holding the request must not be hammered.
      if (page.messages.length === 0 && Date.now() - startedAt < 1000) await sleep(1000, this.abort.signal);
    }

    private deliver(message: ChatMessage, cursor: string): void {
      this.cursor = newerId(this.cursor, cursor);
      this.handlers.onMessage(message);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Persistence
  // ---------------------------------------------------------------------------------------------

  const sessionStore = {
    load(base: string): StoredSession | null {
      try {
        const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as StoredSession | null;
        // A session belongs to one Mesa server; a page that switched servers starts afresh.
        return stored && stored.base === base && stored.sessionId && stored.token ? stored : null;
      } catch {
        return null; // storage disabled or corrupted: the widget still works, it just won't resume
      }
    },
    save(session: StoredSession): void {
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
      } catch {
        // Private mode or a full quota: resuming after reload is a convenience, not a requirement.
      }
    },
    clear(): void {
      try {
        localStorage.removeItem(STORAGE_KEY);
      } catch {
        // See save().
      }
    },
  };

  // ---------------------------------------------------------------------------------------------
  // Localized strings
  // ---------------------------------------------------------------------------------------------

  class StringsCache {
    private readonly loaded = new Map<Lang, Promise<Strings>>();

    constructor(private readonly api: Api) {}

    /** The language's strings; English when that language is unavailable; empty when nothing is. */
    get(lang: Lang): Promise<Strings> {
      let pending = this.loaded.get(lang);
      if (!pending) {
        pending = this.api.strings(lang).catch(() => (lang === 'en' ? {} : this.get('en')));
        this.loaded.set(lang, pending);
      }
      return pending;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // DOM helpers
  // ---------------------------------------------------------------------------------------------

  const SVG_NS = 'http://www.w3.org/2000/svg';
  const ICONS = {
    chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    close: 'M6 6l12 12M18 6L6 18',
    send: 'M3 11.5L21 3l-8.5 18-2.3-7.2L3 11.5z',
    doc: 'M6 2h9l5 5v15H6zM14 2v6h6',
  };

  function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    if (className) element.className = className;
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    return element;
  }

  function icon(path: string, className = ''): SVGSVGElement {
    const svg = document.createElementNS(SVG_NS, 'svg');
    if (className) svg.setAttribute('class', className);
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const shape = document.createElementNS(SVG_NS, 'path');
    shape.setAttribute('d', path);
    svg.append(shape);
    return svg;
  }

  /** Text from the strings file, re-applied whenever the language changes. */
  function i18nText<T extends HTMLElement>(element: T, key: string): T {
    element.dataset.i18n = key;
    return element;
  }

  function i18nAttr<T extends Element>(element: T, attribute: 'aria-label' | 'placeholder', key: string): T {
    element.setAttribute(`data-i18n-${attribute}`, key);
    return element;
  }

  function applyStrings(root: ParentNode, t: (key: string) => string): void {
    root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
      node.textContent = t(node.dataset.i18n ?? '');
    });
    for (const attribute of ['aria-label', 'placeholder']) {
      root.querySelectorAll(`[data-i18n-${attribute}]`).forEach((node) => {
        node.setAttribute(attribute, t(node.getAttribute(`data-i18n-${attribute}`) ?? ''));
      });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Message rendering (textContent only: message data is never parsed as HTML)
  // ---------------------------------------------------------------------------------------------

  const SENDER_KEYS: Record<Role, string> = { user: 'youLabel', bot: 'botLabel', agent: 'agentLabel', system: 'systemLabel' };

  function renderMessage(message: ChatMessage, onAction: (id: string, button: HTMLButtonElement) => void): HTMLElement {
    const item = el('div', `msg msg-${message.role}`, { 'data-id': message.id, 'data-role': message.role });
    if (LANGS.includes(message.locale as Lang)) item.lang = message.locale;
    // Only a person's messages need a visible sender; the others get one for screen readers.
    item.append(i18nText(el('span', message.role === 'agent' ? 'sender' : 'sender sr-only'), SENDER_KEYS[message.role]));
    if (message.text) item.append(renderBubble(message));
    if (message.articles?.length) item.append(renderArticles(message.articles));
    if (message.ticket) item.append(renderTicket(message.ticket));
    if (message.actions?.length) item.append(renderActions(message.actions, onAction));
    return item;
  }

  // Bidi embeddings, overrides and isolates in text from others (an analyst, an article title, a user's own
  // paste) could make it read as something else or reorder the widget around it: dropped on display.
  const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
  const shown = (text: string): string => text.replace(BIDI_CONTROLS, '');

  function renderBubble(message: ChatMessage): HTMLElement {
    const bubble = el('div', 'bubble');
    bubble.textContent = shown(message.text);
    const sent = new Date(message.createdAt);
    if (!Number.isNaN(sent.getTime())) bubble.title = sent.toLocaleString();
    return bubble;
  }

  function renderArticles(articles: NonNullable<ChatMessage['articles']>): HTMLElement {
    const list = i18nAttr(el('ul', 'articles'), 'aria-label', 'articlesLabel');
    for (const article of articles) {
      const card = el('li', 'article', { 'data-article-id': article.id });
      const title = el('span', 'article-title');
      title.textContent = shown(article.title);
      card.append(icon(ICONS.doc), title);
      list.append(card);
    }
    return list;
  }

  function renderTicket(ticket: NonNullable<ChatMessage['ticket']>): HTMLElement {
    const badge = el('p', 'ticket');
    const number = el('strong', 'ticket-number');
    number.textContent = shown(ticket.number);
    const status = el('span', 'ticket-status');
    status.textContent = shown(ticket.status);
    badge.append(i18nText(el('span', 'ticket-label'), 'ticketLabel'), number, status);
    return badge;
  }

  function renderActions(actions: NonNullable<ChatMessage['actions']>, onAction: (id: string, button: HTMLButtonElement) => void): HTMLElement {
    const group = i18nAttr(el('div', 'actions', { role: 'group' }), 'aria-label', 'actionsLabel');
    for (const action of actions) {
      const button = el('button', 'action', { type: 'button', 'data-action-id': action.id });
      button.textContent = shown(action.label);
      button.addEventListener('click', () => onAction(action.id, button));
      group.append(button);
    }
    return group;
  }

  // ---------------------------------------------------------------------------------------------
  // The view: launcher + panel inside a shadow root
  // ---------------------------------------------------------------------------------------------

  interface ViewEvents {
    onOpen(): void;
    onSubmit(text: string): void;
    onAction(id: string, button: HTMLButtonElement): void;
    /** The user is writing: an analyst in a live chat sees it. */
    onTyping(): void;
  }

  class ChatView {
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
    addMessage(message: ChatMessage): void {
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
      this.autosize();
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
      this.scroller.append(this.intro, this.log, this.buildTyping());
      this.panel.append(this.buildHeader(), this.status, this.scroller, this.error, this.buildComposer());
      return this.panel;
    }

    private buildHeader(): HTMLElement {
      const header = el('header', 'header');
      const titles = el('div', 'titles');
      titles.append(i18nText(el('h2', 'title', { id: 'mesa-title' }), 'title'), i18nText(el('p', 'subtitle'), 'subtitle'));
      const close = i18nAttr(el('button', 'close', { type: 'button', 'data-mesa': 'close' }), 'aria-label', 'close');
      close.append(icon(ICONS.close));
      close.addEventListener('click', () => this.close());
      const avatar = el('span', 'avatar', { 'aria-hidden': 'true' });
      avatar.append(icon(ICONS.chat));
      header.append(avatar, titles, close);
      return header;
    }

    private buildTyping(): HTMLElement {
      const dots = el('span', 'dots', { 'aria-hidden': 'true' });
      dots.append(el('i'), el('i'), el('i'));
      this.typing.append(dots, i18nText(el('span', 'typing-text'), 'typing'));
      return this.typing;
    }

    private buildComposer(): HTMLElement {
      const form = el('form', 'composer');
      const label = i18nText(el('label', 'sr-only', { for: 'mesa-input' }), 'inputLabel');
      const hint = i18nText(el('span', 'sr-only', { id: 'mesa-hint' }), 'inputHint');
      i18nAttr(this.input, 'placeholder', 'inputPlaceholder');
      const send = i18nAttr(el('button', 'send', { type: 'submit', 'data-mesa': 'send' }), 'aria-label', 'send');
      send.append(icon(ICONS.send));
      this.input.addEventListener('keydown', (event) => this.onInputKey(event, form));
      this.input.addEventListener('input', () => {
        this.autosize();
        if (this.input.value.trim()) this.events.onTyping();
      });
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.events.onSubmit(this.input.value);
      });
      form.append(label, hint, this.input, send);
      return form;
    }

    private onInputKey(event: KeyboardEvent, form: HTMLFormElement): void {
      // Enter while an IME is composing confirms the composition, it must not send.
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      form.requestSubmit();
    }

    private autosize(): void {
      this.input.style.height = 'auto';
      this.input.style.height = `${Math.min(this.input.scrollHeight, 140)}px`;
    }

    private isNearEnd(): boolean {
      return this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < 80;
    }

    private scrollToEnd(): void {
      this.scroller.scrollTop = this.scroller.scrollHeight;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The controller: sessions, sending, receiving
  // ---------------------------------------------------------------------------------------------

  class MesaWidget {
    private readonly api: Api;
    private readonly strings: StringsCache;
    private readonly view: ChatView;
    private readonly seen = new Set<string>();
    private session: StoredSession | null;
    private transport: Transport | null = null;
    private starting: Promise<StoredSession> | null = null;
    private lang: Lang;
    private sending = false;

    constructor(private readonly config: Config) {
      this.api = new Api(config.base);
      this.strings = new StringsCache(this.api);
      const stored = sessionStore.load(config.base);
      // A session of someone else (another intranet user on this browser) is theirs, not to be resumed.
      this.session = stored && stored.userId === config.user.id ? stored : null;
      this.lang = config.forcedLocale ?? this.session?.locale ?? browserLang();
      this.view = new ChatView({
        onOpen: () => this.onOpen(),
        onSubmit: (text) => void this.sendText(text),
        onAction: (id, button) => void this.sendAction(id, button),
        onTyping: () => this.signalTyping(),
      });
    }

    async mount(): Promise<void> {
      await this.useLanguage(this.lang);
      this.view.setUnread(false);
      document.body.append(this.view.host);
      // Resume right away so replies that arrived while the page was away can flag the launcher.
      if (this.session) this.connect(this.session);
    }

    private async useLanguage(lang: Lang): Promise<void> {
      this.lang = lang;
      const strings = await this.strings.get(lang);
      if (this.lang === lang) this.view.setStrings(strings, lang);
    }

    private onOpen(): void {
      if (this.session) this.markRead();
      else void this.ensureSession().catch(() => this.view.setError('startError'));
    }

    private ensureSession(): Promise<StoredSession> {
      if (this.session) return Promise.resolve(this.session);
      this.starting ??= this.startSession().finally(() => {
        this.starting = null;
      });
      return this.starting;
    }

    private async startSession(): Promise<StoredSession> {
      this.view.setStatus('connecting');
      try {
        const created = await this.api.createSession(this.lang, this.config.user);
        const session: StoredSession = { base: this.config.base, sessionId: created.sessionId, token: created.token, locale: this.lang, ...(this.config.user.id ? { userId: this.config.user.id } : {}) };
        this.session = session;
        sessionStore.save(session);
        this.connect(session);
        return session;
      } finally {
        this.view.setStatus(null);
      }
    }

    private connect(session: StoredSession): void {
      this.transport?.stop();
      // History is replayed from the start (no cursor): after a reload the panel is empty.
      this.transport = new Transport(this.api, session, undefined, {
        onMessage: (message) => this.receive(message),
        onTyping: () => this.view.setTyping(true),
        onConnected: (connected) => this.view.setStatus(connected ? null : 'connectionLost'),
        onSessionGone: () => this.onSessionGone(),
      });
      this.transport.start();
    }

    /** The server forgot the session (expired, data reset): start over rather than fail forever. */
    private onSessionGone(): void {
      const hadHistory = this.view.hasMessages();
      this.dropSession();
      if (!this.view.isOpen) return;
      void this.ensureSession()
        .then(() => hadHistory && this.view.showNotice('sessionRestarted'))
        .catch(() => this.view.setError('startError'));
    }

    private dropSession(): void {
      this.transport?.stop();
      this.transport = null;
      this.session = null;
      sessionStore.clear();
      this.seen.clear();
      this.view.clearMessages();
      this.view.setTyping(false);
      this.view.setStatus(null);
    }

    private receive(message: ChatMessage): void {
      if (this.seen.has(message.id)) return;
      this.seen.add(message.id);
      this.view.addMessage(message);
      this.remember({ cursor: newerId(this.session?.cursor, message.id) });
      if (message.role === 'bot' || message.role === 'agent') this.onReply(message);
      if (this.view.isOpen) this.markRead();
    }

    private onReply(message: ChatMessage): void {
      this.view.setTyping(false);
      const lastRead = this.session?.lastRead;
      if (!this.view.isOpen && (lastRead === undefined || compareIds(message.id, lastRead) > 0)) this.view.setUnread(true);
      this.followConversationLanguage(message.locale);
    }

    /** The user can switch language mid-conversation ("English please"); the UI follows unless the page forced one. */
    private followConversationLanguage(locale: string): void {
      const lang = toLang(locale);
      if (!lang || lang === this.lang || this.config.forcedLocale) return;
      this.remember({ locale: lang });
      void this.useLanguage(lang);
    }

    private markRead(): void {
      const cursor = this.session?.cursor;
      if (cursor !== undefined) this.remember({ lastRead: cursor });
    }

    private remember(changes: Partial<StoredSession>): void {
      if (!this.session) return;
      Object.assign(this.session, changes);
      sessionStore.save(this.session);
    }

    private lastTypingSignal = 0;

    /** At most one signal every few seconds, and only on a session that already exists: typing never creates one. */
    private signalTyping(): void {
      const now = Date.now();
      if (!this.session || now - this.lastTypingSignal < TYPING_SIGNAL_EVERY_MS) return;
      this.lastTypingSignal = now;
      this.api.typing(this.session).catch(() => undefined); // a lost typing signal costs nothing
    }

    private async sendText(raw: string): Promise<void> {
      const text = raw.trim();
      if (!text || this.sending) return;
      this.sending = true;
      this.view.setError(null);
      try {
        const { id } = await this.post({ text });
        this.view.clearInput(raw);
        this.receive({ id, role: 'user', text, locale: this.lang, createdAt: new Date().toISOString() });
        this.expectReply();
      } catch {
        this.view.setError('sendError'); // the text stays in the box, so nothing is lost
      } finally {
        this.sending = false;
      }
    }

    private async sendAction(id: string, button: HTMLButtonElement): Promise<void> {
      this.view.setError(null);
      this.view.markAnswered(button, true);
      try {
        await this.post({ action: { id } });
        this.expectReply();
      } catch {
        this.view.markAnswered(button, false);
        this.view.setError('sendError');
      }
    }

    /** Posts to the current session; if the server no longer knows it, retries once on a new one. */
    private async post(body: { text: string } | { action: { id: string } }): Promise<{ id: string }> {
      const session = await this.ensureSession();
      try {
        return await this.api.post(session, body);
      } catch (error) {
        if (!isSessionGone(error) || 'action' in body) throw error; // an old button means nothing to a new session
        this.dropSession();
        return this.api.post(await this.ensureSession(), body);
      }
    }

    /** Polling gets no typing events, so it shows the indicator itself until the reply lands. */
    private expectReply(): void {
      if (this.transport?.mode === 'poll') this.view.setTyping(true);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Styles: px units and explicit fonts, because the host page's root font size must not matter
  // ---------------------------------------------------------------------------------------------

  const STYLES = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, textarea { font: inherit; color: inherit; }
svg { width: 22px; height: 22px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }

.launcher, .panel {
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 15px; line-height: 1.45; color: #0f172a;
}
.launcher {
  position: fixed; right: 24px; bottom: 24px; z-index: 2147483000;
  width: 60px; height: 60px; border: 0; border-radius: 50%; cursor: pointer;
  display: grid; place-items: center; color: #fff; background: #1d4ed8;
  box-shadow: 0 8px 24px rgba(15, 23, 42, 0.28); transition: transform 0.15s ease, background 0.15s ease;
}
.launcher:hover { background: #1e40af; transform: translateY(-2px); }
.launcher:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 3px; box-shadow: 0 0 0 3px #fff, 0 8px 24px rgba(15, 23, 42, 0.28); }
.launcher svg { width: 28px; height: 28px; }
.launcher[aria-expanded='true'] .icon-chat, .launcher[aria-expanded='false'] .icon-close { display: none; }
.badge { position: absolute; top: 4px; right: 4px; width: 14px; height: 14px; border-radius: 50%; background: #dc2626; border: 2px solid #fff; display: none; }
.launcher.unread .badge { display: block; }

.panel {
  position: fixed; right: 24px; bottom: 100px; z-index: 2147483000;
  width: 380px; height: min(620px, calc(100vh - 124px)); display: flex; flex-direction: column;
  background: #fff; border-radius: 16px; overflow: hidden;
  box-shadow: 0 24px 48px rgba(15, 23, 42, 0.22), 0 0 0 1px rgba(15, 23, 42, 0.06);
  animation: mesa-in 0.18s ease-out;
}
@keyframes mesa-in { from { opacity: 0; transform: translateY(12px); } to { opacity: 1; transform: none; } }
@media (max-width: 480px) {
  .panel { right: 0; bottom: 0; width: 100vw; height: 100vh; border-radius: 0; }
  .panel:not([hidden]) ~ .launcher { display: none; }
}
@media (prefers-reduced-motion: reduce) {
  .panel, .dots i { animation: none !important; }
  .launcher { transition: none; }
}

.header { display: flex; align-items: center; gap: 12px; padding: 14px 12px 14px 16px; background: #1d4ed8; color: #fff; }
.avatar { width: 38px; height: 38px; border-radius: 50%; display: grid; place-items: center; background: rgba(255, 255, 255, 0.18); flex: none; }
.titles { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 16px; font-weight: 650; }
.subtitle { margin: 0; font-size: 13px; color: #dbeafe; }
.close { flex: none; width: 38px; height: 38px; border: 0; border-radius: 10px; background: transparent; color: #fff; cursor: pointer; display: grid; place-items: center; }
.close:hover { background: rgba(255, 255, 255, 0.16); }
.close:focus-visible { outline-color: #fff; outline-offset: -3px; }

.banner { margin: 0; padding: 8px 16px; font-size: 13px; }
.status { background: #fef3c7; color: #78350f; }
.error { background: #fee2e2; color: #7f1d1d; border-top: 1px solid #fecaca; }

.scroller { flex: 1; overflow-y: auto; padding: 16px; background: #f8fafc; overscroll-behavior: contain; }
.intro { margin: 0 0 12px; color: #475569; font-size: 14px; text-align: center; }
.log { display: flex; flex-direction: column; gap: 10px; }
.msg { display: flex; flex-direction: column; gap: 6px; max-width: 85%; align-self: flex-start; }
.msg-user { align-self: flex-end; align-items: flex-end; }
.msg-system, .notice { align-self: center; max-width: 90%; text-align: center; }
.bubble { padding: 9px 13px; border-radius: 16px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg-bot .bubble { background: #fff; border: 1px solid #e2e8f0; border-bottom-left-radius: 4px; }
.msg-agent .bubble { background: #ecfdf5; border: 1px solid #a7f3d0; border-bottom-left-radius: 4px; }
.msg-user .bubble { background: #1d4ed8; color: #fff; border-bottom-right-radius: 4px; }
.msg-system .bubble, .notice { background: transparent; color: #475569; font-size: 13px; font-style: italic; padding: 2px 8px; margin: 0; }
.sender { font-size: 12px; font-weight: 600; color: #065f46; padding-left: 4px; }
.sender:not(.sr-only)::before { content: ''; display: inline-block; width: 8px; height: 8px; margin-right: 6px; border-radius: 50%; background: #059669; }

.articles { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.article { display: flex; align-items: center; gap: 8px; padding: 8px 12px; background: #fff; border: 1px solid #e2e8f0; border-left: 3px solid #1d4ed8; border-radius: 10px; font-weight: 550; }
.article svg { width: 18px; height: 18px; color: #1d4ed8; flex: none; }
.ticket { margin: 0; display: inline-flex; align-items: center; gap: 6px; align-self: flex-start; padding: 4px 10px; border-radius: 999px; background: #eef2ff; color: #312e81; font-size: 13px; border: 1px solid #c7d2fe; }
.ticket-status { padding: 1px 8px; border-radius: 999px; background: #312e81; color: #fff; font-size: 12px; }

.actions { display: flex; flex-wrap: wrap; gap: 6px; }
.action { padding: 6px 12px; border: 1px solid #1d4ed8; border-radius: 999px; background: #fff; color: #1d4ed8; cursor: pointer; font-size: 14px; }
.action:hover:not(:disabled) { background: #eff6ff; }
.action:disabled { cursor: default; border-color: #cbd5e1; color: #64748b; background: #f1f5f9; }
.action.chosen:disabled { border-color: #1d4ed8; color: #1e3a8a; background: #dbeafe; }

.typing { display: flex; align-items: center; gap: 8px; margin-top: 10px; color: #475569; font-size: 13px; }
.dots { display: inline-flex; gap: 3px; padding: 8px 10px; background: #fff; border: 1px solid #e2e8f0; border-radius: 12px; }
.dots i { width: 6px; height: 6px; border-radius: 50%; background: #64748b; animation: mesa-dot 1s infinite ease-in-out; }
.dots i:nth-child(2) { animation-delay: 0.15s; }
.dots i:nth-child(3) { animation-delay: 0.3s; }
@keyframes mesa-dot { 0%, 80%, 100% { opacity: 0.3; transform: none; } 40% { opacity: 1; transform: translateY(-3px); } }

.composer { display: flex; align-items: flex-end; gap: 8px; padding: 12px; border-top: 1px solid #e2e8f0; background: #fff; }
.input { flex: 1; resize: none; min-height: 42px; max-height: 140px; padding: 10px 12px; border: 1px solid #7c8799; border-radius: 12px; background: #fff; line-height: 1.4; }
.input::placeholder { color: #64748b; }
.input:focus-visible { outline-offset: 0; border-color: #1d4ed8; }
.send { flex: none; width: 42px; height: 42px; border: 0; border-radius: 12px; background: #1d4ed8; color: #fff; cursor: pointer; display: grid; place-items: center; }
.send:hover { background: #1e40af; }
.send svg { width: 20px; height: 20px; }
`;

  /**
   * A constructed stylesheet is not inline style as far as Content-Security-Policy is concerned, so the
   * widget keeps its looks on pages whose CSP forbids 'unsafe-inline' styles; <style> is for old browsers.
   */
  function adoptStyles(shadow: ShadowRoot): void {
    if ('adoptedStyleSheets' in shadow && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
      shadow.adoptedStyleSheets = [sheet];
      return;
    }
    const style = el('style');
    style.textContent = STYLES;
    shadow.append(style);
  }

  // ---------------------------------------------------------------------------------------------
  // Boot
  // ---------------------------------------------------------------------------------------------

  function boot(): void {
    // A page that includes the tag twice still gets one widget.
    if (document.querySelector('mesa-widget')) return;
    void new MesaWidget(readConfig(currentScript)).mount();
  }

  if (document.body) boot();
  else document.addEventListener('DOMContentLoaded', boot, { once: true });
})();
