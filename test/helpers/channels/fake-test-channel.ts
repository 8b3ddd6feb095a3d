import { Router, json } from 'express';
import { z } from 'zod';
import type { VerifiedIdentity } from '../../../bot/core/conversation-repository.js';
import type { StoredMessage } from '../../../bot/core/messages.js';
import { DeliveryError, type ChannelAdapter, type ChannelPlugin, type DeliveryTarget } from '../../../channels/contract.js';

/** What the fake platform received from Mesa: one entry per delivered message, rendered as a numbered list. */
export interface FakeDelivery {
  chatId: string;
  messageId: string;
  role: string;
  text: string;
  choices: Array<{ number: number; id: string; label: string }>;
  ticket?: { number: string; status: string };
}

const inbound = z.object({
  eventId: z.string().min(1),
  chatId: z.string().min(1),
  userId: z.string().min(1),
  text: z.string().min(1).max(4000).optional(),
  actionId: z.string().min(1).optional(),
  file: z.object({ kind: z.string().min(1), name: z.string().min(1).optional() }).optional(),
});

/**
 * A test channel that plugs into Mesa through the channel contract alone (no edit to bot/, kb/ or ticketing/):
 * messages come in over its own route, replies go out through `deliver` to an in-memory "platform".
 * `failDeliveries` makes the platform refuse sends (an outage) so a test can see nothing is lost.
 */
export class FakeTestChannel {
  readonly delivered: FakeDelivery[] = [];
  failDeliveries = false;
  /**
   * What the fake platform vouches for, per user id (a Teams user's `{ upn }`, a WhatsApp number's `{ phone }`);
   * users not listed get a verified `<id>@example.com`.
   */
  readonly identities = new Map<string, VerifiedIdentity>();
  private waiters: Array<() => void> = [];

  plugin(name = 'testchat'): ChannelPlugin {
    return { name, create: async (context) => this.adapter(name, context) };
  }

  /** Resolves once a delivery to `chatId` matches, scanning from `from` (an index into `delivered`). */
  async next(chatId: string, from: number, test: (delivery: FakeDelivery) => boolean = () => true, timeoutMs = 15_000): Promise<{ delivery: FakeDelivery; index: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.delivered.findIndex((delivery, at) => at >= from && delivery.chatId === chatId && test(delivery));
      if (index >= 0) return { delivery: this.delivered[index]!, index };
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching delivery to ${chatId}; got: ${JSON.stringify(this.delivered.slice(from).map((d) => d.text))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private adapter(name: string, context: Parameters<ChannelPlugin['create']>[0]): ChannelAdapter {
    const router = Router();
    router.post('/inbound', json(), async (request, response) => {
      const body = inbound.safeParse(request.body);
      if (!body.success || (!body.data.text && !body.data.actionId && !body.data.file)) {
        response.status(400).json({ error: { code: 'invalid_request', message: 'eventId, chatId, userId and text or actionId are required' } });
        return;
      }
      const { eventId, chatId, userId, text, actionId, file } = body.data;
      const conversation = await context.conversations.open({ channel: name, key: chatId, reference: { chatId } }, { user: { externalId: userId, verified: this.identities.get(userId) ?? { email: `${userId}@example.com` } } });
      const input = file ? { attachment: file } : actionId ? { actionId } : { text: text! };
      const stored = await context.conversations.acceptOnce(conversation, input, eventId);
      response.status(200).json({ accepted: stored !== null });
    });
    return {
      name,
      capabilities: { buttons: false, maxButtons: 9, cards: false, typing: false, edits: false, markdown: false },
      routes: [{ path: `/${name}`, router }],
      reachForMs: Number.POSITIVE_INFINITY,
      start: async () => undefined,
      stop: async () => undefined,
      deliver: async (target: DeliveryTarget, message: StoredMessage) => {
        if (this.failDeliveries) throw new DeliveryError('the fake platform is down', { retryAfterMs: 50 });
        const reference = target.address.reference as { chatId: string };
        this.delivered.push({
          chatId: reference.chatId,
          messageId: message.id,
          role: message.role,
          text: message.text,
          choices: (message.actions ?? []).map((action, index) => ({ number: index + 1, id: action.id, label: action.label })),
          ...(message.ticket ? { ticket: message.ticket } : {}),
        });
        for (const wake of this.waiters.splice(0)) wake();
      },
    };
  }
}
