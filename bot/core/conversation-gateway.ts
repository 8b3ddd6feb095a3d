import type { ConversationEvent } from './conversation-events.js';
import type { StoredMessage } from './messages.js';
import type { TicketNotice } from './ticket-notice.js';

/** What the service desk needs from conversations, in its own words (the conversation core implements it). */
export interface ConversationGateway {
  /** The whole transcript, oldest first. */
  transcript(conversationId: string): Promise<StoredMessage[]>;
  /**
   * An analyst's words to the user, stored as role `agent` and pushed to the user's channel.
   * With a dedupe key, a second call with the same key stores nothing and returns null.
   */
  postAgentMessage(conversationId: string, text: string, dedupeKey: string | null): Promise<StoredMessage | null>;
  /** Tells the user about their ticket in their language; idempotent per dedupe key (null when already told). */
  notify(conversationId: string, notice: TicketNotice, dedupeKey: string): Promise<StoredMessage[] | null>;
  /** Shows "someone is typing" to the user where the channel can. */
  typing(conversationId: string, by: 'agent'): void;
  /** New messages and typing of one conversation as they happen; returns the unsubscribe function. */
  subscribe(conversationId: string, listener: (event: ConversationEvent) => void): () => void;
  /** Whether the user can still be reached in the conversation's channel (surveys are only asked then). */
  reachable(conversationId: string, at: Date): Promise<boolean>;
  /** The last moment the user was connected to their channel: now while connected, Mesa's start if not seen since. */
  lastSeen(conversationId: string): Date;
}
