import { z } from 'zod';

/** A Slack message event (message.im or app_mention), the fields Mesa reads. */
const messageEvent = z.object({
  type: z.enum(['message', 'app_mention']),
  subtype: z.string().optional(),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  user: z.string().min(1).optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  files: z.array(z.looseObject({ name: z.string().max(500).optional(), mimetype: z.string().max(200).optional(), filetype: z.string().max(100).optional() })).optional(),
});

/** What one inbound event means for Mesa. */
export type InboundDecision =
  | { kind: 'ignore'; reason: string }
  | { kind: 'text'; text: string; user: string; channel: string; threadTs?: string }
  /** The user sent only something the bot cannot read (a file, an image, a voice clip). */
  | { kind: 'unusable'; file: { kind: string; name?: string }; user: string; channel: string; threadTs?: string };

/** The longest text handed to the core; Slack allows far more than a service-desk question needs. */
export const MAX_TEXT_LENGTH = 4000;

// File shares carry the user's text with them; every other subtype (edits, deletions, joins) is not a question.
const ANSWERED_SUBTYPES = new Set(['file_share']);

/** Slack escapes these three in message text; the core wants what the user typed. */
function unescapeSlackText(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

function withoutMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text;
  return text.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ');
}

/**
 * Decides what an event is: a question for the bot, something it cannot read, or nothing for it (another
 * bot, itself, an edit or deletion, a channel message that does not mention it).
 */
export function decideInbound(raw: unknown, botUserId: string | undefined): InboundDecision {
  const parsed = messageEvent.safeParse(raw);
  if (!parsed.success) return { kind: 'ignore', reason: 'not a message event Mesa reads' };
  const event = parsed.data;
  if (event.bot_id || event.subtype === 'bot_message' || !event.user || event.user === botUserId) return { kind: 'ignore', reason: 'sent by a bot' };
  if (event.subtype && !ANSWERED_SUBTYPES.has(event.subtype)) return { kind: 'ignore', reason: `subtype ${event.subtype}` };
  // Mentions in channels arrive as app_mention; a plain channel message is not addressed to the bot.
  if (event.type === 'message' && event.channel_type !== 'im') return { kind: 'ignore', reason: 'channel message without a mention' };
  // A mention inside a direct message comes twice, as message.im and as app_mention (with its own event id).
  if (event.type === 'app_mention' && (event.channel_type === 'im' || event.channel.startsWith('D'))) return { kind: 'ignore', reason: 'mention in a direct message' };
  const where = {
    user: event.user,
    channel: event.channel,
    // A mention is answered in its thread, so the channel is not flooded; a direct message is answered in place.
    ...(event.type === 'app_mention' ? { threadTs: event.thread_ts ?? event.ts } : {}),
  };
  const text = unescapeSlackText(withoutMention(event.text ?? '', botUserId)).trim().slice(0, MAX_TEXT_LENGTH);
  if (text) return { kind: 'text', text, ...where };
  const file = event.files?.[0];
  if (file) return { kind: 'unusable', file: { kind: file.mimetype ?? file.filetype ?? 'file', ...(file.name ? { name: file.name } : {}) }, ...where };
  return { kind: 'ignore', reason: 'no text' };
}
