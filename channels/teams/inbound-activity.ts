import { z } from 'zod';

const account = z.looseObject({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() });

/**
 * The parts of a Bot Framework activity Mesa reads, checked before the SDK sees it: a malformed one is a 400,
 * not a crash deep inside a turn. Unknown fields pass through untouched for the SDK.
 */
export const inboundActivity = z.looseObject({
  type: z.string().min(1),
  id: z.string().min(1).optional(),
  timestamp: z.string().optional(),
  channelId: z.string().min(1),
  serviceUrl: z.url(),
  conversation: z.looseObject({ id: z.string().min(1), conversationType: z.string().optional(), tenantId: z.string().optional() }),
  from: account,
  recipient: account,
  text: z.string().optional(),
  value: z.unknown().optional(),
  locale: z.string().optional(),
  attachments: z.array(z.looseObject({ contentType: z.string(), name: z.string().max(500).optional() })).optional(),
  entities: z.array(z.looseObject({ type: z.string(), mentioned: z.looseObject({ id: z.string() }).optional() })).optional(),
});

export type InboundActivity = z.infer<typeof inboundActivity>;

/** A card button's press: Action.Submit data Mesa put on the card. */
export const cardPress = z.looseObject({ mesaAction: z.string().min(1).max(200) });

/** Teams' HTML rendering of the message text comes with every message; only other attachments are the user's. */
export function userAttachments(activity: InboundActivity): Array<{ contentType: string; name?: string | undefined }> {
  return (activity.attachments ?? []).filter((attachment) => attachment.contentType !== 'text/html');
}
