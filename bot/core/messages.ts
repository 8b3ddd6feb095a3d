import type { Language } from './language.js';

/** A button the user can press; the id comes back as an action message. */
export interface Action {
  id: string;
  label: string;
}

export interface ArticleRef {
  id: string;
  title: string;
  language: string;
}

export interface TicketRef {
  number: string;
  status: string;
}

export type MessageRole = 'user' | 'bot' | 'agent' | 'system';

/** A user's message as the core sees it, whatever channel it came from. */
export interface InboundMessage {
  /** Id of the stored transcript entry for this message. */
  id: string;
  conversationId: string;
  channel: string;
  userId: string;
  /** What the user wrote; for a pressed button, the button's label. */
  text: string;
  /** Set when the user pressed a button instead of writing. */
  actionId?: string;
  /**
   * The transcript shows a mask instead of this message: `text` is the secret the active flow waited for,
   * or the mask itself when the secret was not kept (it looked like a password, or Mesa restarted since).
   */
  redacted?: boolean;
  receivedAt: Date;
}

/** A channel-neutral reply; each channel renders it natively. */
export interface OutboundMessage {
  text: string;
  actions?: Action[];
  articles?: ArticleRef[];
  ticket?: TicketRef;
}

/** One transcript entry, as stored and as served by the web chat API. */
export interface StoredMessage extends OutboundMessage {
  /**
   * Decimal digits without leading zeros, at most 15 (the web chat API's cursor format). Within a conversation a
   * message stored later has a greater id (compareMessageIds in message-ids.ts): ids are the transcript's cursors.
   */
  id: string;
  conversationId: string;
  role: MessageRole;
  locale: Language;
  createdAt: Date;
}
