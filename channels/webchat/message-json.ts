import type { StoredMessage } from '../../bot/core/messages.js';
import type { MessageJson } from './wire.js';

/** A transcript entry as the web chat API, the widget and the consoles receive it. */
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
