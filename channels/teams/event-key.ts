import { createHash } from 'node:crypto';
import type { InboundActivity } from './inbound-activity.js';

/**
 * The key Mesa accepts a Teams message once by. Teams redelivers a message it got no timely answer for under
 * a NEW activity id, so the id alone would answer twice; the sender, the message's own timestamp and its
 * content stay the same across redeliveries. Without a timestamp only the id is left to go by, and without
 * either nothing (null).
 */
export function eventKey(activity: InboundActivity, content: string): string | null {
  if (!activity.timestamp) return activity.id ? `id:${activity.id}` : null;
  const hash = createHash('sha256');
  for (const part of [activity.conversation.id, activity.from.id, activity.timestamp, content]) hash.update(part).update('\u0000');
  return `msg:${hash.digest('base64url')}`;
}
