import type { ConversationState } from './conversation-state.js';
import type { Language } from './language.js';
import type { Action, MessageRole, OutboundMessage, StoredMessage } from './messages.js';

/**
 * What the user's channel vouches for about them (the platform authenticated the user, or the embedding page
 * signed it): the facts a directory lookup may trust. A bare channel user id is never enough on its own.
 */
export interface VerifiedIdentity {
  /** Microsoft Entra object id (Teams). */
  aadObjectId?: string;
  /** User principal name (Teams). */
  upn?: string;
  /** An email the platform verified (Slack's users.info, a signed web chat identity). */
  email?: string;
  /** E.164 phone number the messages come from (WhatsApp). */
  phone?: string;
}

export interface UserProfile {
  externalId: string;
  name?: string;
  email?: string;
  /** Replaces what was stored when given; kept when absent. */
  verified?: VerifiedIdentity;
}

export interface UserRecord extends UserProfile {
  id: string;
  channel: string;
  language: Language | null;
}

export interface ConversationRecord {
  id: string;
  channel: string;
  userId: string;
  state: ConversationState;
  createdAt: Date;
}

export interface AcceptedMessage {
  conversationId: string;
  text: string;
  actionId: string | null;
  locale: Language;
  at: Date;
}

/** A user message accepted but not yet answered. */
export interface PendingTurn {
  message: StoredMessage;
  actionId: string | null;
}

export interface NewReply extends OutboundMessage {
  role: Exclude<MessageRole, 'user'>;
  locale: Language;
}

export interface CompletedTurn {
  conversationId: string;
  /** The user message this turn answered; null for turns the system starts itself. */
  inboundId: string | null;
  state: ConversationState;
  replies: NewReply[];
  /** Remember the language for the user's next conversations too. */
  userLanguage?: Language;
  at: Date;
}

/** What the conversation core needs from storage, in its own words; one implementation per engine. */
export interface ConversationRepository {
  upsertUser(channel: string, profile: UserProfile): Promise<UserRecord>;
  createConversation(input: { id: string; channel: string; userId: string; state: ConversationState; at: Date }): Promise<ConversationRecord>;
  findConversation(id: string): Promise<ConversationRecord | null>;
  findUser(userId: string): Promise<UserRecord | null>;
  /**
   * Removes at most `limit` conversations of `channel` started before `createdBefore` that hold no message at
   * all, with the anonymous users made for them; returns how many went.
   */
  forgetUnusedConversations(input: { channel: string; createdBefore: Date; limit: number }): Promise<number>;
  /** Stores the user's message and queues its turn in one durable step. */
  acceptUserMessage(input: AcceptedMessage): Promise<StoredMessage>;
  /** The same, at most once per dedupe key (a platform's event id): a key seen before stores nothing and gives null. */
  acceptUserMessageOnce(input: AcceptedMessage & { dedupeKey: string }): Promise<StoredMessage | null>;
  pendingTurns(conversationId: string): Promise<PendingTurn[]>;
  conversationsWithPendingTurns(): Promise<string[]>;
  /** Persists the new state, the replies and the end of the turn atomically. */
  completeTurn(turn: CompletedTurn): Promise<StoredMessage[]>;
  /**
   * Adds messages nobody's turn produced (an analyst's reply, a notice about a ticket) without touching the
   * conversation state. With a dedupe key, appending the same key again stores nothing and returns [].
   */
  appendMessages(input: { conversationId: string; replies: NewReply[]; dedupeKey: string | null; at: Date }): Promise<StoredMessage[]>;
  /** Resolves once everything committed so far would survive a power cut (committed writes already survive a crash of Mesa). */
  durable(): Promise<void>;
  /**
   * The first `limit` messages after the cursor `afterId` in transcript order, which is id order (StoredMessage.id:
   * every message stored has a greater id than those stored before it in its conversation). A null cursor and
   * '0' both start before the first message.
   */
  messagesAfter(conversationId: string, afterId: string | null, limit: number): Promise<StoredMessage[]>;
  findOfferedAction(conversationId: string, actionId: string): Promise<Action | null>;
  close(): Promise<void>;
}
