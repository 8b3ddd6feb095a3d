import type { ConversationEvent } from '../../../../bot/core/conversation-events.js';
import type { ConversationGateway } from '../../../../bot/core/conversation-gateway.js';
import type { StoredMessage } from '../../../../bot/core/messages.js';
import type { TicketNotice } from '../../../../bot/core/ticket-notice.js';

/** What the user's conversation received, as the test reads it. */
export interface DeliveredNotice {
  conversationId: string;
  notice: TicketNotice;
  dedupeKey: string;
}

/**
 * The user's side of the desk, in memory: records notices and agent messages, can be told to fail
 * (a channel down) or to consider a user unreachable.
 */
export class InMemoryGateway implements ConversationGateway {
  readonly notices: DeliveredNotice[] = [];
  readonly messages: StoredMessage[] = [];
  readonly typingIn: string[] = [];
  failing = false;
  unreachable = new Set<string>();
  /** When a user was last connected; users not listed are connected now. */
  readonly lastSeenAt = new Map<string, Date>();
  private readonly seenKeys = new Set<string>();
  private readonly listeners = new Map<string, Set<(event: ConversationEvent) => void>>();
  private nextId = 1;

  constructor(private readonly clock: () => Date) {}

  /** Notices of one kind, for one conversation if given. */
  kinds(conversationId?: string): string[] {
    return this.notices.filter((entry) => !conversationId || entry.conversationId === conversationId).map((entry) => entry.notice.kind);
  }

  /** A message from the user, as the transcript and watchers would see it. */
  userSays(conversationId: string, text: string): StoredMessage {
    return this.store(conversationId, 'user', text);
  }

  async transcript(conversationId: string): Promise<StoredMessage[]> {
    return this.messages.filter((message) => message.conversationId === conversationId);
  }

  async postAgentMessage(conversationId: string, text: string, dedupeKey: string | null): Promise<StoredMessage | null> {
    if (this.failing) throw new Error('channel down');
    if (dedupeKey && !this.remember(dedupeKey)) return null;
    return this.store(conversationId, 'agent', text);
  }

  async notify(conversationId: string, notice: TicketNotice, dedupeKey: string): Promise<StoredMessage[] | null> {
    if (this.failing) throw new Error('channel down');
    if (!this.remember(dedupeKey)) return null;
    this.notices.push({ conversationId, notice, dedupeKey });
    return [this.store(conversationId, 'bot', `[${notice.kind}] ${notice.number}`)];
  }

  lastSeen(conversationId: string): Date {
    return this.lastSeenAt.get(conversationId) ?? this.clock();
  }

  typing(conversationId: string): void {
    this.typingIn.push(conversationId);
  }

  subscribe(conversationId: string, listener: (event: ConversationEvent) => void): () => void {
    const set = this.listeners.get(conversationId) ?? new Set();
    set.add(listener);
    this.listeners.set(conversationId, set);
    return () => set.delete(listener);
  }

  async reachable(conversationId: string): Promise<boolean> {
    return !this.unreachable.has(conversationId);
  }

  private remember(key: string): boolean {
    if (this.seenKeys.has(key)) return false;
    this.seenKeys.add(key);
    return true;
  }

  private store(conversationId: string, role: StoredMessage['role'], text: string): StoredMessage {
    const message: StoredMessage = { id: String(this.nextId++), conversationId, role, text, locale: 'en', createdAt: this.clock() };
    this.messages.push(message);
    for (const listener of this.listeners.get(conversationId) ?? []) listener({ type: 'messages', messages: [message] });
    return message;
  }
}
