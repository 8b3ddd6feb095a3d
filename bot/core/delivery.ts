import type { ChannelAddress } from './address-book.js';
import type { ConversationRecord, UserRecord } from './conversation-repository.js';
import type { StoredMessage } from './messages.js';

/** Where a push channel must send: the conversation, its platform address and its user. */
export interface DeliveryTarget {
  conversation: ConversationRecord;
  address: ChannelAddress;
  user: UserRecord | null;
}

/** A push channel's sending side, as the delivery relay sees it. */
export interface ChannelDeliverer {
  /** Sends one committed transcript entry natively; throws (a DeliveryError where it knows better) to be retried. */
  deliver(target: DeliveryTarget, message: StoredMessage): Promise<void>;
  /** Shows "typing…" where the platform can; best effort, never retried. */
  typing?(target: DeliveryTarget): Promise<void>;
}

/** A failed send: when to try again (a platform's Retry-After), or that trying again can never work. */
export class DeliveryError extends Error {
  readonly code = 'delivery_failed';
  readonly retryAfterMs: number | undefined;
  /** The platform refused for good (the user blocked the bot, the chat is gone): the message is given up. */
  readonly permanent: boolean;

  constructor(message: string, options: { retryAfterMs?: number; permanent?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DeliveryError';
    this.retryAfterMs = options.retryAfterMs;
    this.permanent = options.permanent ?? false;
  }
}
