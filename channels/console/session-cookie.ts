import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'mesa_session';

/** The console session token from the Cookie header, if any. */
export function sessionToken(request: Request): string | null {
  for (const part of (request.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('=')) || null;
  }
  return null;
}

/** HttpOnly so page scripts never see it, SameSite=Strict so other sites cannot ride on it, Secure over https. */
export function setSessionCookie(request: Request, response: Response, token: string, maxAgeMs: number): void {
  response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https', maxAge: maxAgeMs });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https' });
}
