import type { StoredMessage } from '../../bot/core/messages.js';

/** The contract's Message object (design.md §4). */
export interface MessageJson {
  id: string;
  role: StoredMessage['role'];
  text: string;
  locale: string;
  createdAt: string;
  actions?: StoredMessage['actions'];
  articles?: StoredMessage['articles'];
  ticket?: StoredMessage['ticket'];
}

export function toMessageJson(message: StoredMessage): MessageJson {
  return {
    id: message.id,
    role: message.role,
    text: message.text,
    locale: message.locale,
    createdAt: message.createdAt.toISOString(),
    ...(message.actions?.length ? { actions: message.actions } : {}),
    ...(message.articles?.length ? { articles: message.articles } : {}),
    ...(message.ticket ? { ticket: message.ticket } : {}),
  };
}
