import { createHmac, timingSafeEqual } from 'node:crypto';
import { MesaError } from '../../bot/core/errors.js';

/** The header an intranet page sends with `user.id`: hex HMAC-SHA256 of the id under the shared secret. */
export const IDENTITY_HEADER = 'x-mesa-identity';

export function signUserId(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

/**
 * A user id decides whose tickets a chat may see, so with a secret configured it must come signed by the
 * intranet's server; without one (a demo on a trusted network) ids are taken as given.
 */
export function verifyUserId(secret: string | undefined, userId: string | undefined, signature: string | undefined): void {
  if (!secret || userId === undefined) return;
  const expected = Buffer.from(signUserId(secret, userId), 'hex');
  const given = Buffer.from(signature ?? '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new MesaError('invalid_identity', 'The user id is not signed by the intranet.');
  }
}
