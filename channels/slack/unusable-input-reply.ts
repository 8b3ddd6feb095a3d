import type { ConversationRecord } from '../../bot/core/conversation-repository.js';
import { RecentlyUsed } from '../../bot/core/recently-used.js';
import type { Translator } from '../../bot/i18n/translator.js';
import type { ChannelLimiter } from './channel-limiter.js';
import { escapeMrkdwn } from './mrkdwn.js';
import type { ChatApi } from './slack-deliverer.js';
import type { SlackReference } from './slack-address.js';

export interface UnusableInputReplyOptions {
  client: ChatApi;
  translator: Translator;
  limiter: ChannelLimiter;
}

/**
 * Answers a file, image or voice clip the bot cannot read with a polite note in the user's language. The
 * note is not part of the conversation (nothing was said), so it is posted directly, once per event.
 */
export class UnusableInputReply {
  private readonly answered = new RecentlyUsed<string, true>(10_000);

  constructor(private readonly options: UnusableInputReplyOptions) {}

  async send(conversation: ConversationRecord, reference: SlackReference, eventId: string): Promise<void> {
    if (this.answered.has(eventId)) return;
    this.answered.set(eventId, true);
    const text = escapeMrkdwn(this.options.translator.forLanguage(conversation.state.language)('slack:unusable_input'));
    await this.options.limiter.wait(reference.channel);
    await this.options.client.chat.postMessage({
      channel: reference.channel,
      ...(reference.threadTs ? { thread_ts: reference.threadTs } : {}),
      text,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}
