import type { Request, Response } from 'express';
import type { ConversationService } from '../../bot/core/conversation-service.js';
import { openSse } from '../http/sse-stream.js';
import { toMessageJson } from './message-json.js';

const HEARTBEAT_MS = 15_000;

/**
 * Pushes the conversation to the widget as Server-Sent Events: everything after `after`, then each new
 * message as it is stored, plus typing signals. Reads from storage on each wake-up so order and gaps are
 * never a problem, whatever the event carried.
 */
export function streamConversation(request: Request, response: Response, conversations: ConversationService, conversationId: string, after: string | null, shutdown: AbortSignal): void {
  const stream = openSse(request, response, { shutdown, heartbeatMs: HEARTBEAT_MS });
  let cursor = after;
  let sending = Promise.resolve();
  const flush = (): void => {
    sending = sending
      .then(async () => {
        if (!stream.open) return;
        for (const message of await conversations.messagesAfter(conversationId, cursor)) {
          stream.send('message', toMessageJson(message), message.id);
          cursor = message.id;
        }
      })
      .catch(() => stream.close());
  };
  const unsubscribe = conversations.subscribe(conversationId, (event) => {
    // The user's own typing is for the analyst, not an echo back to the user.
    if (event.type === 'typing') {
      if (event.by !== 'user') stream.send('typing', { by: event.by });
    } else flush();
  });
  stream.onClose(unsubscribe);
  flush();
}
