import { Router } from 'express';
import { z } from 'zod';
import type { IdentityRepository } from '../../bot/identity/identity-repository.js';
import type { StaffAuth } from '../../bot/staff/staff-auth.js';
import { requireRole, requireSignedIn } from '../console/require-staff.js';
import { parseWith } from '../http/parse-with.js';

const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  username: z.string().min(1).max(200).optional(),
});

/** GET /api/console/identity/audit: every self-service attempt, newest first, for admins only. */
export function identityAuditRouter({ auth, audit }: { auth: StaffAuth; audit: Pick<IdentityRepository, 'audit'> }): Router {
  const router = Router();
  router.get('/audit', requireSignedIn(auth), requireRole('admin'), async (request, response) => {
    const query = parseWith(auditQuery, request.query, 'query');
    const entries = await audit.audit({ limit: query.limit, ...(query.username ? { username: query.username } : {}) });
    response.set('Cache-Control', 'no-store');
    response.json({ entries: entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })) });
  });
  return router;
}
