import { RecentlyUsed } from './recently-used.js';

/**
 * When each conversation's user was last connected: any request of theirs, and all the time a stream or a
 * waiting long-poll of theirs is open. The service desk counts a user who silently left the queue (closed
 * the browser) as an abandonment. Not stored: after a restart everyone counts as seen at start, so a restart
 * never makes a waiting user look gone.
 */
export class UserPresence {
  private readonly lastSeen = new RecentlyUsed<string, number>(100_000);
  private readonly connections = new Map<string, number>();
  private readonly startedAt: number;

  constructor(private readonly clock: () => Date) {
    this.startedAt = clock().getTime();
  }

  seen(conversationId: string): void {
    this.lastSeen.set(conversationId, this.clock().getTime());
  }

  /** A connection held open (a stream, a waiting long-poll); returns the function to call when it ends. */
  connected(conversationId: string): () => void {
    this.connections.set(conversationId, (this.connections.get(conversationId) ?? 0) + 1);
    this.seen(conversationId);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      const left = (this.connections.get(conversationId) ?? 1) - 1;
      if (left > 0) this.connections.set(conversationId, left);
      else this.connections.delete(conversationId);
      this.seen(conversationId);
    };
  }

  /** Now while connected; otherwise the last time seen, and Mesa's start for a user not seen since. */
  lastSeenAt(conversationId: string): Date {
    if (this.connections.has(conversationId)) return this.clock();
    return new Date(this.lastSeen.get(conversationId) ?? this.startedAt);
  }
}
