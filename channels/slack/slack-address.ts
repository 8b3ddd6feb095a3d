import { z } from 'zod';
import type { PlatformAddress } from '../../bot/core/conversation-service.js';

/** The channel's name in Mesa: conversations, tickets and the delivery relay know Slack by it. */
export const SLACK_CHANNEL = 'slack';

/** What `deliver` needs to post back: the channel, and the thread when the conversation lives in one. */
export const slackReference = z.object({
  team: z.string(),
  channel: z.string().min(1),
  threadTs: z.string().min(1).optional(),
});

export type SlackReference = z.infer<typeof slackReference>;

/**
 * One Mesa conversation per direct-message channel, and one per person in each thread a channel mention
 * starts: two people mentioning the bot in one thread, or pressing the buttons it posted there, must not
 * share a conversation (nor its tickets and surveys).
 */
export function slackAddress(reference: SlackReference, user: string): PlatformAddress {
  const key = [reference.team, reference.channel, ...(reference.threadTs ? [reference.threadTs, user] : [])].join(':');
  return { channel: SLACK_CHANNEL, key, reference };
}
