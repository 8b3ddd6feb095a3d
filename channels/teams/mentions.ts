import type { InboundActivity } from './inbound-activity.js';

/** A personal chat always talks to the bot; a group chat or a channel only when the message @mentions it. */
export function isAddressedToBot(activity: InboundActivity): boolean {
  const type = activity.conversation.conversationType ?? 'personal';
  if (type === 'personal') return true;
  return (activity.entities ?? []).some((entity) => entity.type === 'mention' && entity.mentioned?.id === activity.recipient.id);
}

/** The text without `<at>…</at>` mentions (Teams puts the bot's name in the text when it is @mentioned). */
export function withoutMentions(text: string): string {
  return text.replace(/<at[^>]*>.*?<\/at>/gis, ' ').replace(/\s+/g, ' ').trim();
}
