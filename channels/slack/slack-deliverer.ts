import type { StoredMessage } from '../../bot/core/messages.js';
import type { Translator } from '../../bot/i18n/translator.js';
import { DeliveryError, type ChannelDeliverer, type DeliveryTarget } from '../contract.js';
import { renderBlocks, type SlackMessage } from './block-kit.js';
import type { ChannelLimiter } from './channel-limiter.js';
import { deliveryErrorOf } from './delivery-error-of.js';
import { slackReference } from './slack-address.js';

/** The part of the Web API that sends. */
export interface ChatApi {
  chat: { postMessage(arguments_: SlackMessage & { channel: string; thread_ts?: string; unfurl_links: boolean; unfurl_media: boolean }): Promise<unknown> };
}

export interface SlackDelivererOptions {
  client: ChatApi;
  translator: Translator;
  limiter: ChannelLimiter;
}

/** Posts Mesa's messages (replies, analysts' messages, notices, surveys) to the Slack channel or thread they belong to. */
export function slackDeliverer({ client, translator, limiter }: SlackDelivererOptions): ChannelDeliverer {
  return {
    async deliver(target: DeliveryTarget, message: StoredMessage): Promise<void> {
      const reference = slackReference.safeParse(target.address.reference);
      if (!reference.success) throw new DeliveryError('the Slack address has no channel to post to', { permanent: true });
      const { channel, threadTs } = reference.data;
      const rendered = renderBlocks(message, translator.forLanguage(message.locale));
      await limiter.wait(channel);
      try {
        // Links in KB answers would otherwise unfold into previews that bury the steps.
        await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...rendered, unfurl_links: false, unfurl_media: false });
      } catch (error) {
        const failure = deliveryErrorOf(error);
        if (failure.retryAfterMs !== undefined) limiter.holdOff(channel, failure.retryAfterMs);
        throw failure;
      }
    },
  };
}
