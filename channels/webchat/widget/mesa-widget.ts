import type { MessageJson, MessageAcceptedJson, PostMessageJson } from '../wire.js';
import { Api, isSessionGone } from './api-client.js';
import { ChatView } from './chat-view.js';
import { compareIds, newerId } from './message-ids.js';
import { sessionStore, type StoredSession } from './session-store.js';
import { StringsCache } from './strings-cache.js';
import { Transport } from './transport.js';
import { browserLang, toLang, type Config, type Lang } from './widget-config.js';

const TYPING_SIGNAL_EVERY_MS = 3_000;

/** The controller: sessions, sending, receiving. */
export class MesaWidget {
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

  private receive(message: MessageJson): void {
    if (this.seen.has(message.id)) return;
    this.seen.add(message.id);
    this.view.addMessage(message);
    this.remember({ cursor: newerId(this.session?.cursor, message.id) });
    if (message.role === 'bot' || message.role === 'agent') this.onReply(message);
    if (this.view.isOpen) this.markRead();
  }

  private onReply(message: MessageJson): void {
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
  private async post(body: PostMessageJson): Promise<MessageAcceptedJson> {
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
