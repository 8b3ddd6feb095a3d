import type { PendingTurn } from '../../core/conversation-repository.js';

/**
 * The turns still to answer, mirrored in memory: loaded from the database once at start, then changed by
 * the same commits that change the database (this process is its only writer). The runner asks for a
 * conversation's queue before and after every turn; from here that costs no query.
 */
export class TurnQueue {
  private readonly byConversation = new Map<string, PendingTurn[]>();

  constructor(loaded: Iterable<PendingTurn>) {
    for (const turn of loaded) this.add(turn);
  }

  /** Call after the commit that stored the message as pending; messages of a conversation come in id order. */
  add(turn: PendingTurn): void {
    const queue = this.byConversation.get(turn.message.conversationId);
    if (queue) queue.push(turn);
    else this.byConversation.set(turn.message.conversationId, [turn]);
  }

  /** Call after the commit that answered the message. */
  finish(conversationId: string, messageId: string): void {
    const queue = this.byConversation.get(conversationId);
    if (!queue) return;
    const remaining = queue.filter((turn) => turn.message.id !== messageId);
    if (remaining.length > 0) this.byConversation.set(conversationId, remaining);
    else this.byConversation.delete(conversationId);
  }

  of(conversationId: string): PendingTurn[] {
    return [...(this.byConversation.get(conversationId) ?? [])];
  }

  conversations(): string[] {
    return [...this.byConversation.keys()];
  }
}
