import { setTimeout as sleep } from 'node:timers/promises';
import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { StoredMessage } from '../../bot/core/messages.js';
import type { Translator } from '../../bot/i18n/translator.js';
import { DeliveryError, type ChannelDeliverer, type DeliveryTarget } from '../contract.js';
import { deliveryFailure } from './delivery-failure.js';
import { messageActivity } from './message-activity.js';
import type { SendLimiter } from './send-limiter.js';

/** The stored reference must still name where to send; anything else is a record Mesa cannot use. */
const storedReference = z.looseObject({ serviceUrl: z.url(), conversation: z.looseObject({ id: z.string().min(1) }) });

/** Waits up to this long for the rate limiter in-line; longer waits go back to the relay as a retry. */
const MAX_INLINE_WAIT_MS = 1000;

export interface TeamsSenderOptions {
  adapter: CloudAdapter;
  appId: string;
  translator: Translator;
  limiter: SendLimiter;
  clock: () => Date;
  shutdown: AbortSignal;
}

/** Proactive sends to Teams: every reply, notice and analyst message goes out through `continueConversationAsync`. */
export function teamsSender(options: TeamsSenderOptions): Required<ChannelDeliverer> {
  const { adapter, appId, translator, limiter, clock, shutdown } = options;

  const send = async (target: DeliveryTarget, activity: Partial<Activity>): Promise<void> => {
    const parsed = storedReference.safeParse(target.address.reference);
    if (!parsed.success) throw new DeliveryError('the stored Teams conversation reference is unusable', { permanent: true });
    // Stored by the SDK itself (TurnContext.getConversationReference) and checked above for what sending needs.
    const reference = target.address.reference as Partial<ConversationReference>;
    const key = parsed.data.conversation.id;
    const delay = limiter.delayFor(key);
    if (delay > MAX_INLINE_WAIT_MS) throw new DeliveryError('holding back to stay under Teams\' per-conversation rate limit', { retryAfterMs: delay });
    if (delay > 0) await sleep(delay, undefined, { signal: shutdown });
    limiter.record(key);
    try {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        await context.sendActivity(activity);
      });
    } catch (error) {
      throw deliveryFailure(error, clock().getTime());
    }
  };

  return {
    deliver: (target: DeliveryTarget, message: StoredMessage) => send(target, messageActivity(message, translator)),
    typing: async (target: DeliveryTarget) => {
      // Best effort: a typing indicator is never worth a wait or a retry.
      const parsed = storedReference.safeParse(target.address.reference);
      if (!parsed.success || limiter.delayFor(parsed.data.conversation.id) > 0) return;
      await send(target, { type: 'typing' });
    },
  };
}
