import type { Logger } from '../logger.js';
import type { AddressBook } from './address-book.js';
import type { ConversationEvent, ConversationEvents } from './conversation-events.js';
import type { ConversationRepository } from './conversation-repository.js';
import { DeliveryError, type ChannelDeliverer, type DeliveryTarget } from './delivery.js';
import { KeyedDrains, KeyedRetries } from './keyed-drains.js';
import { RecentlyUsed } from './recently-used.js';

export interface DeliveryRelayOptions {
  repository: ConversationRepository;
  addresses: AddressBook;
  events: ConversationEvents;
  /** Push channels by name; conversations of other channels (the web chat) are read by their clients instead. */
  deliverers: ReadonlyMap<string, ChannelDeliverer>;
  logger: Logger;
  clock: () => Date;
  /** First retry delay; doubles per failed attempt up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
}

const PAGE = 50;
const TYPING_EVERY_MS = 3000;

/**
 * Hands committed bot, agent and system messages to their push channel, in order, one at a time per
 * conversation. The transcript is the outbox and each address keeps a cursor, so what a crash or an outage
 * left unsent goes out at the next start or retry; a message is sent again only if Mesa died between the
 * platform's acceptance and the cursor's move (at least once, never lost).
 */
export class DeliveryRelay {
  private readonly drains = new KeyedDrains((conversationId, more) => this.drainConversation(conversationId, more));
  private readonly retries = new KeyedRetries();
  private readonly attempts = new Map<string, number>();
  private readonly lastTyping = new RecentlyUsed<string, number>(10_000);
  private unsubscribe: (() => void) | undefined;
  private stopped = false;

  constructor(private readonly options: DeliveryRelayOptions) {}

  /** Follows new messages and sends what is left from before; resolves with how many conversations had some. */
  async start(): Promise<number> {
    if (this.options.deliverers.size === 0) return 0;
    this.unsubscribe = this.options.events.subscribeAll((conversationId, event) => this.onEvent(conversationId, event));
    const left = await this.options.addresses.undelivered([...this.options.deliverers.keys()]);
    for (const id of left) this.schedule(id);
    return left.length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.retries.clear();
    await this.drains.idle();
  }

  /** Resolves when nothing is being sent (tests). Retries waiting on a timer do not count. */
  async idle(): Promise<void> {
    await this.drains.idle();
  }

  schedule(conversationId: string): void {
    // A conversation waiting to retry is sent in order when its timer fires, new messages included.
    if (this.stopped || this.retries.has(conversationId)) return;
    this.drains.schedule(conversationId);
  }

  private onEvent(conversationId: string, event: ConversationEvent): void {
    if (event.type === 'messages') {
      if (event.messages.some((message) => message.role !== 'user')) this.schedule(conversationId);
      return;
    }
    if (event.by === 'user') return;
    const now = this.options.clock().getTime();
    if (now - (this.lastTyping.get(conversationId) ?? 0) < TYPING_EVERY_MS) return;
    this.lastTyping.set(conversationId, now);
    void this.typing(conversationId);
  }

  private async typing(conversationId: string): Promise<void> {
    try {
      const found = await this.target(conversationId);
      if (found?.deliverer.typing) await found.deliverer.typing(found.target);
    } catch (error) {
      this.options.logger.debug({ err: error, conversationId }, 'typing indicator not shown');
    }
  }

  private async target(conversationId: string): Promise<{ target: DeliveryTarget; deliverer: ChannelDeliverer } | null> {
    const { repository, addresses, deliverers } = this.options;
    const conversation = await repository.findConversation(conversationId);
    const deliverer = conversation ? deliverers.get(conversation.channel) : undefined;
    if (!conversation || !deliverer) return null;
    const address = await addresses.ofConversation(conversationId);
    if (!address) return null;
    return { target: { conversation, address, user: await repository.findUser(conversation.userId) }, deliverer };
  }

  private async drainConversation(conversationId: string, more: () => boolean): Promise<void> {
    const { repository, addresses, logger } = this.options;
    try {
      const found = await this.target(conversationId);
      if (!found) return;
      do {
        let after = await addresses.deliveredThrough(conversationId);
        for (;;) {
          const page = await repository.messagesAfter(conversationId, after, PAGE);
          for (const message of page) {
            if (this.stopped) return;
            if (message.role !== 'user') await this.deliverOne(found.deliverer, found.target, message);
            after = message.id;
          }
          if (page.length < PAGE) break;
        }
      } while (more() && !this.stopped);
      this.attempts.delete(conversationId);
    } catch (error) {
      const attempt = (this.attempts.get(conversationId) ?? 0) + 1;
      this.attempts.set(conversationId, attempt);
      const delay = this.retryDelay(attempt, error);
      logger.warn({ err: error, conversationId, attempt, retryInMs: delay }, 'delivery to the channel failed; will retry');
      this.retryLater(conversationId, delay);
    }
  }

  private async deliverOne(deliverer: ChannelDeliverer, target: DeliveryTarget, message: DeliveryTargetMessage): Promise<void> {
    const conversationId = target.conversation.id;
    try {
      await deliverer.deliver(target, message);
    } catch (error) {
      if (!(error instanceof DeliveryError && error.permanent)) throw error;
      // Retrying a refusal for good would hold back every later message of the conversation.
      this.options.logger.error({ err: error, conversationId, messageId: message.id, channel: target.conversation.channel }, 'the channel refused a message for good; it was not delivered');
    }
    await this.options.addresses.markDelivered(conversationId, message.id);
  }

  private retryDelay(attempt: number, error: unknown): number {
    const base = this.options.retryMs ?? 1000;
    const backoff = Math.min(this.options.maxRetryMs ?? 300_000, base * 2 ** Math.min(attempt - 1, 16));
    const asked = error instanceof DeliveryError ? (error.retryAfterMs ?? 0) : 0;
    return Math.max(backoff, asked);
  }

  private retryLater(conversationId: string, delay: number): void {
    if (this.stopped) return;
    this.retries.later(conversationId, delay, () => this.schedule(conversationId));
  }
}

type DeliveryTargetMessage = Parameters<ChannelDeliverer['deliver']>[1];
