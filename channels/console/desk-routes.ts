import { Router } from 'express';
import type { StaffAuth } from '../../bot/staff/staff-auth.js';
import type { AnalystDesk } from '../../ticketing/desk/analyst-desk.js';
import { parseWith } from '../http/parse-with.js';
import { analystOf } from './desk-analyst.js';
import { analystJson, detailJson, queueSummaryJson, ticketJson } from './desk-json.js';
import { ticketListQuery, ticketNumberOf } from './desk-schemas.js';
import { deskStaffRoutes } from './desk-staff-routes.js';
import { DESK_HEARTBEAT_MS, streamDeskEvents, streamTicket } from './desk-stream.js';
import { deskTicketRoutes } from './desk-ticket-routes.js';
import { requireRole, requireSignedIn } from './require-staff.js';

export interface DeskRoutesOptions {
  auth: StaffAuth;
  desk: AnalystDesk;
  /** Aborted when Mesa shuts down, so open streams end and the server can close. */
  shutdown?: AbortSignal;
  heartbeatMs?: number;
}

/** The analysts' console API under /api/console/desk: queues, tickets, live streams, complaints, profiles. */
export function deskRoutes({ auth, desk, shutdown, heartbeatMs = DESK_HEARTBEAT_MS }: DeskRoutesOptions): Router {
  const router = Router();
  const sse = { heartbeatMs, ...(shutdown ? { shutdown } : {}) };
  // Knowledge managers sign in to the same console but have no business in the queues.
  router.use(requireSignedIn(auth), requireRole('l1_analyst', 'l2_analyst', 'coordinator'));

  router.get('/me', (_request, response) => {
    response.json(analystJson(analystOf(response)));
  });

  router.get('/queues', async (_request, response) => {
    response.json({ queues: (await desk.queues(analystOf(response))).map(queueSummaryJson) });
  });

  router.get('/tickets', async (request, response) => {
    const query = parseWith(ticketListQuery, request.query, 'query');
    const tickets = await desk.list(analystOf(response), {
      scope: query.scope,
      ...(query.queue ? { queueId: query.queue } : {}),
      ...(query.closed === '1' ? { includeClosed: true } : {}),
    });
    response.json({ tickets: tickets.map(ticketJson) });
  });

  router.get('/tickets/:number', async (request, response) => {
    response.json(detailJson(await desk.detail(analystOf(response), ticketNumberOf(request.params.number))));
  });

  router.get('/stream', async (request, response) => {
    await streamDeskEvents(request, response, desk, analystOf(response), sse);
  });

  router.get('/tickets/:number/stream', async (request, response) => {
    await streamTicket(request, response, desk, analystOf(response), ticketNumberOf(request.params.number), sse);
  });

  router.use(deskTicketRoutes(desk));
  router.use(deskStaffRoutes(desk));
  return router;
}
