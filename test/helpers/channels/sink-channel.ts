import { Router, json } from 'express';
import { z } from 'zod';
import { DeliveryError, type ChannelPlugin } from '../../../channels/contract.js';

const inbound = z.object({ eventId: z.string().min(1), chatId: z.string().min(1), userId: z.string().min(1), text: z.string().min(1).max(4000) });

/**
 * A test push channel whose "platform" is an HTTP endpoint outside Mesa's process (SINK_URL), so a test can
 * kill Mesa between committing a reply and delivering it, and see what reaches the platform afterwards.
 */
export function sinkChannel(sinkUrl: string): ChannelPlugin {
  return {
    name: 'sinkchat',
    async create({ conversations }) {
      const router = Router();
      router.post('/inbound', json(), async (request, response) => {
        const body = inbound.parse(request.body);
        const conversation = await conversations.open({ channel: 'sinkchat', key: body.chatId, reference: { chatId: body.chatId } }, { user: { externalId: body.userId } });
        const stored = await conversations.acceptOnce(conversation, { text: body.text }, body.eventId);
        response.json({ accepted: stored !== null });
      });
      return {
        name: 'sinkchat',
        capabilities: { buttons: false, maxButtons: 9, cards: false, typing: false, edits: false, markdown: false },
        routes: [{ path: '/sinkchat', router }],
        reachForMs: Number.POSITIVE_INFINITY,
        start: async () => undefined,
        stop: async () => undefined,
        async deliver(target, message) {
          const response = await fetch(sinkUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ chatId: (target.address.reference as { chatId: string }).chatId, messageId: message.id, text: message.text }),
          });
          if (!response.ok) throw new DeliveryError(`sink answered ${response.status}`, { retryAfterMs: 100 });
        },
      };
    },
  };
}
