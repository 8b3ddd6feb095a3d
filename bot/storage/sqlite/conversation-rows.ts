import type { NewReply, UserRecord, VerifiedIdentity } from '../../core/conversation-repository.js';
import { isLanguage, type Language } from '../../core/language.js';
import type { MessageRole, OutboundMessage, StoredMessage } from '../../core/messages.js';

/** How the conversation store's rows read back as the core's records, and what of a message is stored. */

export interface MessageRow {
  id: number;
  conversation_id: string;
  role: MessageRole;
  text: string;
  locale: Language;
  extras: string | null;
  action_id: string | null;
  created_at: string;
}

export interface ConversationRow {
  id: string;
  channel: string;
  user_id: string;
  state: string;
  created_at: string;
}

export interface UserRow {
  id: string;
  channel: string;
  external_id: string;
  name: string | null;
  email: string | null;
  language: string | null;
  verified: string | null;
}

export type Extras = Pick<OutboundMessage, 'actions' | 'articles' | 'ticket'>;

export function toMessage(row: MessageRow): StoredMessage {
  const extras = row.extras ? (JSON.parse(row.extras) as Extras) : {};
  return {
    id: String(row.id),
    conversationId: row.conversation_id,
    role: row.role,
    text: row.text,
    locale: row.locale,
    createdAt: new Date(row.created_at),
    ...extras,
  };
}

/** The parts of a message beyond its text that are stored; an empty list counts as none. */
export function extrasOf(message: OutboundMessage): Extras {
  const extras: Extras = {};
  if (message.actions?.length) extras.actions = message.actions;
  if (message.articles?.length) extras.articles = message.articles;
  if (message.ticket) extras.ticket = message.ticket;
  return extras;
}

export const extrasColumn = (extras: Extras): string | null => (Object.keys(extras).length ? JSON.stringify(extras) : null);

/** What a reply reads back as once stored: the same extras toMessage() spreads from the row's column. */
export function storedReply(reply: NewReply, extras: Extras, id: number | bigint, conversationId: string, createdAt: Date): StoredMessage {
  return { id: String(id), conversationId, role: reply.role, text: reply.text, locale: reply.locale, createdAt, ...extras };
}

export function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    channel: row.channel,
    externalId: row.external_id,
    ...(row.name ? { name: row.name } : {}),
    ...(row.email ? { email: row.email } : {}),
    language: isLanguage(row.language) ? row.language : null,
    ...(row.verified ? { verified: JSON.parse(row.verified) as VerifiedIdentity } : {}),
  };
}
