import { z } from 'zod';
import type { SlackClick } from './slack-inbound.js';

const blockActions = z.object({
  user: z.object({ id: z.string().min(1) }),
  team: z.object({ id: z.string() }).nullable().optional(),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({ message_ts: z.string().optional(), channel_id: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
});

const buttonAction = z.object({ value: z.string().min(1), action_ts: z.string().min(1) });

/**
 * Reads a press of one of Mesa's buttons: who pressed, in which conversation (a direct message, or the
 * thread a mention started), and the Mesa action id the button carries. Null for anything else.
 */
export function clickOf(body: unknown, action: unknown): SlackClick | null {
  const payload = blockActions.safeParse(body);
  const button = buttonAction.safeParse(action);
  if (!payload.success || !button.success) return null;
  const { user, team, channel, container, message } = payload.data;
  const channelId = channel?.id ?? container?.channel_id;
  const messageTs = container?.message_ts ?? message?.ts;
  if (!channelId || !messageTs) return null;
  // Direct-message channels (D…) hold one conversation; elsewhere the bot only writes in mention threads.
  const threadTs = channelId.startsWith('D') ? undefined : (message?.thread_ts ?? container?.thread_ts ?? messageTs);
  return {
    reference: { team: team?.id ?? '', channel: channelId, ...(threadTs ? { threadTs } : {}) },
    user: user.id,
    actionId: button.data.value,
    clickId: `${messageTs}:${button.data.action_ts}`,
  };
}
