import { randomUUID } from 'node:crypto';
import type { ConversationEvent, ConversationEvents } from './conversation-events.js';
import type { ConversationRecord, ConversationRepository, UserProfile } from './conversation-repository.js';
import { initialState, type LanguageSource } from './conversation-state.js';
import { MesaError } from './errors.js';
import { DEFAULT_LANGUAGE, type Language } from './language.js';
import type { StoredMessage } from './messages.js';
import { RecentlyUsed } from './recently-used.js';
import type { TurnRunner } from './turn-runner.js';
import type { UserPresence } from './user-presence.js';

export type UserInput = { text: string } | { actionId: string };

export interface ConversationServiceOptions {
  repository: ConversationRepository;
  runner: TurnRunner;
  events: ConversationEvents;
  clock: () => Date;
  /** Told of every user request and open connection, so the service desk can tell who left. */
  presence: UserPresence;
}

/** What channel adapters call: start conversations, hand in user messages, read and await the transcript. */
export class ConversationService {
  private readonly lastTyping = new RecentlyUsed<string, number>(10_000);

  constructor(private readonly options: ConversationServiceOptions) {}

  async start(input: { channel: string; user?: Partial<UserProfile>; locale?: Language; tokenHash: string | null }): Promise<ConversationRecord> {
    const id = randomUUID();
    const { repository, clock } = this.options;
    const user = await repository.upsertUser(input.channel, {
      externalId: input.user?.externalId ?? `anonymous-${id}`,
      ...(input.user?.name ? { name: input.user.name } : {}),
      ...(input.user?.email ? { email: input.user.email } : {}),
    });
    // A language the user chose before beats the browser's hint, which beats the default.
    const [language, source]: [Language, LanguageSource] = user.language
      ? [user.language, 'remembered']
      : input.locale
        ? [input.locale, 'hint']
        : [DEFAULT_LANGUAGE, 'default'];
    return repository.createConversation({ id, channel: input.channel, userId: user.id, tokenHash: input.tokenHash, state: initialState(language, source), at: clock() });
  }

  async find(conversationId: string): Promise<ConversationRecord | null> {
    return this.options.repository.findConversation(conversationId);
  }

  /** Stores the message durably, then schedules its turn; the caller may acknowledge once this resolves. */
  async accept(conversation: ConversationRecord, input: UserInput): Promise<StoredMessage> {
    const { repository, runner, events, clock, presence } = this.options;
    presence.seen(conversation.id);
    let text: string;
    let actionId: string | null = null;
    if ('actionId' in input) {
      const action = await repository.findOfferedAction(conversation.id, input.actionId);
      if (!action) throw new MesaError('unknown_action', `No button with id "${input.actionId}" was offered in this conversation.`, { params: { id: input.actionId } });
      text = action.label;
      actionId = action.id;
    } else {
      text = input.text;
    }
    const stored = await repository.acceptUserMessage({ conversationId: conversation.id, text, actionId, locale: conversation.state.language, at: clock() });
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
    const floor = after === null ? 0 : Number(after);
    const arrived: StoredMessage[] = [];
    let wake: () => void = () => undefined;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    // Subscribe before reading so a message stored in between cannot be missed; what arrives after the read
    // comes with the event, so there is no need to read storage again.
    const unsubscribe = this.subscribe(conversationId, (event) => {
      if (event.type !== 'messages') return;
      arrived.push(...event.messages.filter((message) => Number(message.id) > floor));
      if (arrived.length > 0) wake();
    });
    try {
      // Every stored message is published, so when the client already has the newest one, storage has nothing newer.
      const newest = this.options.events.lastMessageId(conversationId);
      const now = newest !== undefined && newest <= floor ? [] : await this.messagesAfter(conversationId, after);
      if (now.length > 0 || waitMs === 0 || signal.aborted) return now;
      if (arrived.length === 0) {
        const timer = setTimeout(wake, waitMs);
        signal.addEventListener('abort', wake, { once: true });
        await woken;
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
      }
      return arrived.sort((a, b) => Number(a.id) - Number(b.id));
    } finally {
      unsubscribe();
    }
  }
}
