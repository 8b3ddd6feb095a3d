import type { RequestHandler, Response } from 'express';
import { MesaError } from '../../bot/core/errors.js';
import { hasAnyRole, type StaffRole } from '../../bot/staff/roles.js';
import type { StaffAuth } from '../../bot/staff/staff-auth.js';
import type { StaffAccount } from '../../bot/staff/staff-repository.js';
import { sessionToken } from './session-cookie.js';

/** Loads the signed-in account from the session cookie; no valid session is a 401 `not_signed_in`. */
export function requireSignedIn(auth: StaffAuth): RequestHandler {
  return async (request, response, next) => {
    const token = sessionToken(request);
    const account = token ? await auth.authenticate(token) : null;
    if (!account) throw new MesaError('not_signed_in', 'Sign in first.');
    response.locals.staff = account;
    next();
  };
}

/** Lets through accounts with one of `roles` (admins always); others get a 403 `forbidden`. */
export function requireRole(...roles: StaffRole[]): RequestHandler {
  return (_request, response, next) => {
    if (!hasAnyRole(staffOf(response).roles, roles)) throw new MesaError('forbidden', 'Your roles do not allow this.');
    next();
  };
}

/** The account requireSignedIn put on this response. */
export function staffOf(response: Response): StaffAccount {
  return response.locals.staff as StaffAccount;
}
