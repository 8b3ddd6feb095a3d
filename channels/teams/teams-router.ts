import { Router } from 'express';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { MesaError } from '../../bot/core/errors.js';
import { inboundActivity, type InboundActivity } from './inbound-activity.js';

/**
 * `POST /api/messages`: the Bot Connector's webhook. The body is checked first (a malformed activity is a 400),
 * then the SDK authenticates it (401 without a valid token) and runs the turn; the answer is sent as soon as the
 * message is stored, the bot's reply follows through `deliver`.
 */
export function teamsRouter(adapter: CloudAdapter, handle: (context: TurnContext, activity: InboundActivity) => Promise<void>): Router {
  const router = Router();
  router.post('/', async (request, response, next) => {
    const parsed = inboundActivity.safeParse(request.body);
    if (!parsed.success) {
      next(new MesaError('invalid_request', 'The body is not a Bot Framework activity: type, channelId, serviceUrl, conversation.id, from.id and recipient.id are required.'));
      return;
    }
    try {
      await adapter.process(request, response, (context) => handle(context, parsed.data));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
