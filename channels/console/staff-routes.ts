import { Router } from 'express';
import type { StaffAuth } from '../../bot/staff/staff-auth.js';
import { parseWith } from '../http/parse-with.js';
import { accountJson } from './auth-routes.js';
import { newStaffBody } from './console-schemas.js';
import { requireRole, requireSignedIn } from './require-staff.js';

/** Admins create staff accounts; there is no UI for it yet, only this call. */
export function staffRoutes(auth: StaffAuth): Router {
  const router = Router();
  router.post('/staff', requireSignedIn(auth), requireRole('admin'), async (request, response) => {
    const body = parseWith(newStaffBody, request.body, 'request body');
    const account = await auth.createStaff(body);
    response.status(201).json(accountJson(account));
  });
  return router;
}
