import type { StoredMessage } from '../../core/messages.js';
import { RecentlyUsed } from '../../core/recently-used.js';

interface Tail {
  /** Every message of the conversation with an id above this one is in `messages`, in id order. */
  floor: number;
  messages: StoredMessage[];
}

/**
 * The newest messages of recently active conversations. Nearly every long-poll asks for "what came after
 * the message I just sent", which is here, so it skips the database. A tail is only ever complete: it is
 * started empty for a new conversation or from a read of the database that returned everything, and
 * every commit is added to it, so an answer from here is the answer the database would give.
 */
export class RecentMessages {
  private readonly tails: RecentlyUsed<string, Tail>;

  constructor(
    maxConversations = 10_000,
    private readonly maxPerConversation = 40,
  ) {
    this.tails = new RecentlyUsed(maxConversations);
  }

  /** A conversation that has no messages yet. */
  startEmpty(conversationId: string): void {
    this.tails.set(conversationId, { floor: 0, messages: [] });
  }

  /** Call after the commit of `messages`, which share one conversation and come in id order. */
  committed(conversationId: string, messages: readonly StoredMessage[]): void {
    const tail = this.tails.get(conversationId);
    if (!tail || messages.length === 0) return;
    this.tails.set(conversationId, tail);
    tail.messages.push(...messages);
    const excess = tail.messages.length - this.maxPerConversation;
    if (excess > 0) tail.floor = Number(tail.messages.splice(0, excess).at(-1)!.id);
  }

  /** For a commit whose messages are not all known here: the next read goes to the database. */
  forget(conversationId: string): void {
    this.tails.delete(conversationId);
  }

  /** Messages with an id above `after`, at most `limit`; undefined when the tail does not reach back that far. */
  after(conversationId: string, after: number, limit: number): StoredMessage[] | undefined {
    const tail = this.tails.get(conversationId);
    if (!tail || after < tail.floor) return undefined;
    let first = tail.messages.length;
    while (first > 0 && Number(tail.messages[first - 1]!.id) > after) first--;
    return tail.messages.slice(first, first + limit);
  }

  /** A database read of everything above `after` (it returned fewer rows than it could): that is a complete tail. */
  read(conversationId: string, after: number, messages: StoredMessage[]): void {
    if (this.tails.has(conversationId) || messages.length > this.maxPerConversation) return;
    this.tails.set(conversationId, { floor: after, messages: [...messages] });
  }
}
