import { Router, type Request } from 'express';
import type { AnalystDesk } from '../../ticketing/desk/analyst-desk.js';
import { parseWith } from '../http/parse-with.js';
import { analystOf } from './desk-analyst.js';
import { ticketJson, timelineEntryJson } from './desk-json.js';
import { closeBody, escalateBody, parseDeskText, resolveBody, ticketNumberOf, transferBody } from './desk-schemas.js';
import { toMessageJson } from '../webchat/message-json.js';

const numberOf = (request: Request): string => ticketNumberOf(request.params.number);

/** What an analyst does to one ticket; the desk decides whether they may, these routes only translate. */
export function deskTicketRoutes(desk: AnalystDesk): Router {
  const router = Router();

  router.post('/tickets/:number/claim', async (request, response) => {
    response.json({ ticket: ticketJson(await desk.claim(analystOf(response), numberOf(request))) });
  });

  router.post('/tickets/:number/transfer', async (request, response) => {
    const { queueId, reason } = parseWith(transferBody, request.body, 'request body');
    response.json({ ticket: ticketJson(await desk.transfer(analystOf(response), numberOf(request), queueId, reason)) });
  });

  router.post('/tickets/:number/escalate', async (request, response) => {
    const { reason } = parseWith(escalateBody, request.body, 'request body');
    response.json({ ticket: ticketJson(await desk.escalate(analystOf(response), numberOf(request), reason)) });
  });

  router.post('/tickets/:number/pending', async (request, response) => {
    response.json({ ticket: ticketJson(await desk.setPendingUser(analystOf(response), numberOf(request))) });
  });

  router.post('/tickets/:number/resolve', async (request, response) => {
    const { resolution } = parseWith(resolveBody, request.body, 'request body');
    response.json({ ticket: ticketJson(await desk.resolve(analystOf(response), numberOf(request), resolution)) });
  });

  router.post('/tickets/:number/close', async (request, response) => {
    const { reason } = parseWith(closeBody, request.body, 'request body');
    response.json({ ticket: ticketJson(await desk.closeAs(analystOf(response), numberOf(request), reason)) });
  });

  router.post('/tickets/:number/notes', async (request, response) => {
    const text = parseDeskText(request.body);
    response.status(201).json({ entry: timelineEntryJson(await desk.addNote(analystOf(response), numberOf(request), text)) });
  });

  router.post('/tickets/:number/replies', async (request, response) => {
    const text = parseDeskText(request.body);
    response.status(201).json({ message: toMessageJson(await desk.reply(analystOf(response), numberOf(request), text)) });
  });

  router.post('/tickets/:number/hand-back', async (request, response) => {
    response.json({ ticket: ticketJson(await desk.handBack(analystOf(response), numberOf(request))) });
  });

  router.post('/tickets/:number/typing', async (request, response) => {
    await desk.typing(analystOf(response), numberOf(request));
    response.status(204).end();
  });

  return router;
}
