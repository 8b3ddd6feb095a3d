import { Router } from 'express';
import { MesaError } from '../../bot/core/errors.js';
import { hasAnyRole } from '../../bot/staff/roles.js';
import type { AnalystDesk } from '../../ticketing/desk/analyst-desk.js';
import { parseWith } from '../http/parse-with.js';
import { analystOf } from './desk-analyst.js';
import { complaintJson } from './desk-json.js';
import { analystParams, complaintParams, complaintStatusBody, profileBody } from './desk-schemas.js';
import { requireRole } from './require-staff.js';

/** Complaints for the coordinators, and analysts' skills and capacity. `me` names the signed-in analyst. */
export function deskStaffRoutes(desk: AnalystDesk): Router {
  const router = Router();

  router.get('/complaints', requireRole('coordinator'), async (_request, response) => {
    response.json({ complaints: (await desk.complaints(analystOf(response))).map(complaintJson) });
  });

  router.post('/complaints/:id', requireRole('coordinator'), async (request, response) => {
    const { id } = parseWith(complaintParams, request.params, 'path');
    const { status } = parseWith(complaintStatusBody, request.body, 'request body');
    response.json({ complaint: complaintJson(await desk.setComplaintStatus(analystOf(response), id, status)) });
  });

  router.get('/analysts/:id/profile', async (request, response) => {
    const analyst = analystOf(response);
    const id = request.params.id === 'me' ? analyst.id : parseWith(analystParams, request.params, 'path').id;
    // Analysts may read their own skills; only those who plan the shifts read everyone's.
    if (id !== analyst.id && !hasAnyRole(analyst.roles, ['coordinator'])) throw new MesaError('forbidden', 'Only coordinators read other analysts’ profiles.');
    response.json(await desk.profile(id));
  });

  router.put('/analysts/:id/profile', requireRole('coordinator'), async (request, response) => {
    const analyst = analystOf(response);
    const id = request.params.id === 'me' ? analyst.id : parseWith(analystParams, request.params, 'path').id;
    const body = parseWith(profileBody, request.body, 'request body');
    response.json(await desk.setProfile(analyst, { analystId: id, ...body }));
  });

  return router;
}
