import { Router } from 'express';
import { MesaError } from '../../bot/core/errors.js';
import { SESSION_TTL_MS, type StaffAuth } from '../../bot/staff/staff-auth.js';
import type { StaffAccount } from '../../bot/staff/staff-repository.js';
import type { RateLimiter } from '../webchat/rate-limiter.js';
import { parseWith } from '../http/parse-with.js';
import { loginBody } from './console-schemas.js';
import type { Me } from './kb-wire.js';
import { requireSignedIn, staffOf } from './require-staff.js';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie.js';

/** What the console may know about an account: never its id's secrets, never a password hash. */
export function accountJson(account: StaffAccount): Me {
  return { email: account.email, name: account.name, roles: account.roles };
}

/** Sign-in, sign-out and "who am I". The per-IP limit comes before the per-email lockout. */
export function authRoutes(auth: StaffAuth, loginLimiter: RateLimiter): Router {
  const router = Router();

  router.post('/login', async (request, response) => {
    if (!loginLimiter.allow(request.ip ?? 'unknown')) throw new MesaError('rate_limited', 'Too many sign-in attempts from this address.');
    const body = parseWith(loginBody, request.body, 'request body');
    const { token, account } = await auth.login(body.email, body.password);
    setSessionCookie(request, response, token, SESSION_TTL_MS);
    response.json(accountJson(account));
  });

  router.post('/logout', async (request, response) => {
    const token = sessionToken(request);
    if (token) await auth.logout(token);
    clearSessionCookie(request, response);
    response.status(204).end();
  });

  router.get('/me', requireSignedIn(auth), (_request, response) => {
    response.set('Cache-Control', 'no-store');
    response.json(accountJson(staffOf(response)));
  });

  return router;
}
