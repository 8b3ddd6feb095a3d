import type { StoredMessage } from './messages.js';

export type ConversationEvent = { type: 'messages'; messages: StoredMessage[] } | { type: 'typing' };

type Listener = (event: ConversationEvent) => void;

/** In-process fan-out of new transcript entries and typing signals to whoever watches a conversation. */
export class ConversationEvents {
  private readonly listeners = new Map<string, Set<Listener>>();

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

  publish(conversationId: string, event: ConversationEvent): void {
    const set = this.listeners.get(conversationId);
    if (!set) return;
    for (const listener of [...set]) listener(event);
  }
}
