import { randomUUID } from 'node:crypto';
import { ATTACHMENT_ACTION, attachmentText } from './actions.js';
import type { AddressBook } from './address-book.js';
import type { ConversationEvent, ConversationEvents } from './conversation-events.js';
import type { ConversationRecord, ConversationRepository, UserProfile, UserRecord } from './conversation-repository.js';
import { initialState, type LanguageSource } from './conversation-state.js';
import { MesaError } from './errors.js';
import { DEFAULT_LANGUAGE, type Language } from './language.js';
import { compareMessageIds, isAfter } from './message-ids.js';
import type { StoredMessage } from './messages.js';
import { KeyedLock } from './keyed-lock.js';
import { RecentlyUsed } from './recently-used.js';
import { REDACTED_TEXT, type Redactor, type SecretInbox } from './redaction.js';
import type { TurnRunner } from './turn-runner.js';
import type { UserPresence } from './user-presence.js';

/** What a user sends: words, a button press, or a file the bot cannot read (its kind and name are recorded). */
export type UserInput = { text: string } | { actionId: string } | { attachment: { kind: string; name?: string } };

export interface ConversationServiceOptions {
  repository: ConversationRepository;
  runner: TurnRunner;
  events: ConversationEvents;
  clock: () => Date;
  /** Told of every user request and open connection, so the service desk can tell who left. */
  presence: UserPresence;
  /** Platform addresses of push channels' conversations. */
  addresses: AddressBook;
  /** Hides secrets (one-time codes, things that look like passwords) before a message is stored or published. */
  redaction?: { redactor: Redactor; inbox: SecretInbox };
}

/** A push channel's view of where a message came from. */
export interface PlatformAddress {
  channel: string;
  /** The platform's own stable key for the conversation (one Mesa conversation per key). */
  key: string;
  /** What the adapter needs to write back there later; refreshed on every inbound message. */
  reference: unknown;
}

/** What channel adapters call: start conversations, hand in user messages, read and await the transcript. */
export class ConversationService {
  private readonly lastTyping = new RecentlyUsed<string, number>(10_000);
  private readonly opening = new KeyedLock();

  constructor(private readonly options: ConversationServiceOptions) {}

  /**
   * Starts a conversation. A `reference` is kept as the conversation's address on its channel (keyed by the new
   * conversation's id), for channels whose sessions are Mesa's own, like the web chat's token hash.
   */
  async start(input: { channel: string; user?: Partial<UserProfile>; locale?: Language; reference?: unknown }): Promise<ConversationRecord> {
    const id = randomUUID();
    const { repository, clock } = this.options;
    const user = await repository.upsertUser(input.channel, {
      externalId: input.user?.externalId ?? `anonymous-${id}`,
      ...(input.user?.name ? { name: input.user.name } : {}),
      ...(input.user?.email ? { email: input.user.email } : {}),
      ...(input.user?.verified ? { verified: input.user.verified } : {}),
    });
    // A language the user chose before beats the browser's hint, which beats the default.
    const [language, source]: [Language, LanguageSource] = user.language
      ? [user.language, 'remembered']
      : input.locale
        ? [input.locale, 'hint']
        : [DEFAULT_LANGUAGE, 'default'];
    const conversation = await repository.createConversation({ id, channel: input.channel, userId: user.id, state: initialState(language, source), at: clock() });
    if (input.reference !== undefined) await this.options.addresses.save({ channel: input.channel, key: id, conversationId: id, reference: input.reference });
    return conversation;
  }

  /**
   * The conversation at a platform address, started on the user's first message there. The user's profile, what
   * the platform vouches for and the address's reference are refreshed each time.
   */
  async open(address: PlatformAddress, input: { user: UserProfile; locale?: Language }): Promise<ConversationRecord> {
    // A user's first two messages can arrive at once: both must land in the one conversation.
    return this.opening.run(`${address.channel}\u0000${address.key}`, () => this.openNow(address, input));
  }

  private async openNow(address: PlatformAddress, input: { user: UserProfile; locale?: Language }): Promise<ConversationRecord> {
    const { addresses, repository } = this.options;
    const known = await addresses.find(address.channel, address.key);
    const conversation = known ? await repository.findConversation(known.conversationId) : null;
    if (conversation) {
      await repository.upsertUser(address.channel, input.user);
      await addresses.save({ ...address, conversationId: conversation.id });
      return conversation;
    }
    const started = await this.start({ channel: address.channel, user: input.user, ...(input.locale ? { locale: input.locale } : {}) });
    await addresses.save({ ...address, conversationId: started.id });
    return started;
  }

  /** Where a push channel's conversation lives on its platform; null for the web chat. */
  async addressOf(conversationId: string): Promise<PlatformAddress | null> {
    return this.options.addresses.ofConversation(conversationId);
  }

  async userOf(conversation: ConversationRecord): Promise<UserRecord | null> {
    return this.options.repository.findUser(conversation.userId);
  }

  /**
   * Accepts a platform's message at most once per its event id: a retried or redelivered event is stored and
   * answered once (null the second time). The caller may acknowledge the platform once this resolves.
   */
  async acceptOnce(conversation: ConversationRecord, input: UserInput, eventId: string): Promise<StoredMessage | null> {
    return this.acceptWith(conversation, input, `${conversation.channel}:in:${eventId}`);
  }

  async find(conversationId: string): Promise<ConversationRecord | null> {
    return this.options.repository.findConversation(conversationId);
  }

  /** Stores the message durably, then schedules its turn; the caller may acknowledge once this resolves. */
  async accept(conversation: ConversationRecord, input: UserInput): Promise<StoredMessage> {
    return (await this.acceptWith(conversation, input, null)) as StoredMessage;
  }

  private async acceptWith(conversation: ConversationRecord, input: UserInput, dedupeKey: string | null): Promise<StoredMessage | null> {
    const { repository, runner, events, clock, presence } = this.options;
    presence.seen(conversation.id);
    let text: string;
    let actionId: string | null = null;
    if ('attachment' in input) {
      text = attachmentText(input.attachment);
      actionId = ATTACHMENT_ACTION;
    } else if ('actionId' in input) {
      const action = await repository.findOfferedAction(conversation.id, input.actionId);
      if (!action) throw new MesaError('unknown_action', `No button with id "${input.actionId}" was offered in this conversation.`, { params: { id: input.actionId } });
      text = action.label;
      actionId = action.id;
    } else {
      text = input.text;
    }
    const redacted = actionId === null ? this.options.redaction?.redactor(text, conversation.state) ?? null : null;
    const message = { conversationId: conversation.id, text: redacted ? REDACTED_TEXT : text, actionId, locale: conversation.state.language, at: clock() };
    const stored = dedupeKey === null ? await repository.acceptUserMessage(message) : await repository.acceptUserMessageOnce({ ...message, dedupeKey });
    if (!stored) return null;
    if (redacted === 'secret') this.options.redaction!.inbox.put(stored.id, text);
    events.publish(conversation.id, { type: 'messages', messages: [stored] });
    runner.schedule(conversation.id);
    return stored;
  }

  /** Signals "the user is typing" to whoever watches (an analyst in a live chat); at most one per second passes. */
  userTyping(conversationId: string): void {
    this.options.presence.seen(conversationId);
    const now = this.options.clock().getTime();
    if (now - (this.lastTyping.get(conversationId) ?? 0) < 1000) return;
    this.lastTyping.set(conversationId, now);
    this.options.events.publish(conversationId, { type: 'typing', by: 'user' });
  }

  /** Follows new transcript entries and typing signals of one conversation; returns the unsubscribe function. */
  subscribe(conversationId: string, listener: (event: ConversationEvent) => void): () => void {
    const disconnected = this.options.presence.connected(conversationId);
    const unsubscribe = this.options.events.subscribe(conversationId, listener);
    return () => {
      unsubscribe();
      disconnected();
    };
  }

  async messagesAfter(conversationId: string, after: string | null, limit = 100): Promise<StoredMessage[]> {
    this.options.presence.seen(conversationId);
    return this.options.repository.messagesAfter(conversationId, after, limit);
  }

  /** Long poll: resolves with newer messages as soon as there are any, or with none after waitMs or on abort. */
  async waitForMessages(conversationId: string, after: string | null, waitMs: number, signal: AbortSignal): Promise<StoredMessage[]> {
    const arrived: StoredMessage[] = [];
    let wake: () => void = () => undefined;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    // Subscribe before reading so a message stored in between cannot be missed; what arrives after the read
    // comes with the event, so there is no need to read storage again.
    const unsubscribe = this.subscribe(conversationId, (event) => {
      if (event.type !== 'messages') return;
      arrived.push(...event.messages.filter((message) => isAfter(message.id, after)));
      if (arrived.length > 0) wake();
    });
    try {
      // Every stored message is published, so when the client already has the newest one, storage has nothing newer.
      const newest = this.options.events.lastMessageId(conversationId);
      const now = newest !== undefined && !isAfter(newest, after) ? [] : await this.messagesAfter(conversationId, after);
      if (now.length > 0 || waitMs === 0 || signal.aborted) return now;
      if (arrived.length === 0) {
        const timer = setTimeout(wake, waitMs);
        signal.addEventListener('abort', wake, { once: true });
        await woken;
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
      }
      return arrived.sort((a, b) => compareMessageIds(a.id, b.id));
    } finally {
      unsubscribe();
    }
  }
}
