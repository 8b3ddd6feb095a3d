import { compareMessageIds } from './message-ids.js';
import type { StoredMessage } from './messages.js';
import { RecentlyUsed } from './recently-used.js';

/** Typing comes from the bot while it answers, from an analyst in a live chat, or from the user (shown to the analyst). */
export type ConversationEvent = { type: 'messages'; messages: StoredMessage[] } | { type: 'typing'; by: 'bot' | 'agent' | 'user' };

type Listener = (event: ConversationEvent) => void;
type AnyListener = (conversationId: string, event: ConversationEvent) => void;

/** In-process fan-out of new transcript entries and typing signals to whoever watches a conversation. */
export class ConversationEvents {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly lastIds = new RecentlyUsed<string, string>(100_000);
  private readonly everyConversation = new Set<AnyListener>();

  /** Every conversation's events (push channels' delivery); returns the function that stops listening. */
  subscribeAll(listener: AnyListener): () => void {
    this.everyConversation.add(listener);
    return () => this.everyConversation.delete(listener);
  }

  /** Returns the function that stops listening. */
  subscribe(conversationId: string, listener: Listener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) {
      set = new Set();
      this.listeners.set(conversationId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(conversationId) === set) this.listeners.delete(conversationId);
    };
  }

  /** The newest message id published for the conversation since start, if any. */
  lastMessageId(conversationId: string): string | undefined {
    return this.lastIds.get(conversationId);
  }

  publish(conversationId: string, event: ConversationEvent): void {
    if (event.type === 'messages') this.rememberLast(conversationId, event.messages);
    for (const listener of this.everyConversation) listener(conversationId, event);
    const set = this.listeners.get(conversationId);
    if (!set) return;
    for (const listener of [...set]) listener(event);
  }

  private rememberLast(conversationId: string, messages: { id: string }[]): void {
    let newest = this.lastIds.get(conversationId);
    for (const { id } of messages) if (newest === undefined || compareMessageIds(id, newest) > 0) newest = id;
    if (newest !== undefined) this.lastIds.set(conversationId, newest);
  }
}
