import type { Request, Response } from 'express';
import type { ConversationService } from '../../bot/core/conversation-service.js';
import type { StoredMessage } from '../../bot/core/messages.js';
import { toMessageJson } from './message-json.js';

const HEARTBEAT_MS = 15_000;

/**
 * Pushes the conversation to the widget as Server-Sent Events: everything after `after`, then each new
 * message as it is stored, plus typing signals. Reads from storage on each wake-up so order and gaps are
 * never a problem, whatever the event carried.
 */
export function streamConversation(request: Request, response: Response, conversations: ConversationService, conversationId: string, after: string | null, shutdown: AbortSignal): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  let cursor = after;
  let sending = Promise.resolve();
  let open = true;
  const write = (message: StoredMessage): void => {
    response.write(`id: ${message.id}\nevent: message\ndata: ${JSON.stringify(toMessageJson(message))}\n\n`);
    cursor = message.id;
  };
  const flush = (): void => {
    sending = sending
      .then(async () => {
        if (!open) return;
        for (const message of await conversations.messagesAfter(conversationId, cursor)) write(message);
      })
      .catch(() => close());
  };
  const unsubscribe = conversations.subscribe(conversationId, (event) => {
    // The user's own typing is for the analyst, not an echo back to the user.
    if (event.type === 'typing') {
      if (event.by !== 'user') response.write(`event: typing\ndata: ${JSON.stringify({ by: event.by })}\n\n`);
    } else flush();
  });
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const close = (): void => {
    if (!open) return;
    open = false;
    unsubscribe();
    clearInterval(heartbeat);
    shutdown.removeEventListener('abort', close);
    response.end();
  };
  request.on('close', close);
  shutdown.addEventListener('abort', close, { once: true });
  flush();
}
