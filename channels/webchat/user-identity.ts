import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VerifiedIdentity } from '../../bot/core/conversation-repository.js';
import { MesaError } from '../../bot/core/errors.js';

/** The header an intranet page sends with `user.id`: hex HMAC-SHA256 of the id under the shared secret. */
export const IDENTITY_HEADER = 'x-mesa-identity';

export function signUserId(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

/** The signature that vouches for the email too: HMAC-SHA256 of `id + "\n" + email`. */
export function signUserIdAndEmail(secret: string, userId: string, email: string): string {
  return createHmac('sha256', secret).update(`${userId}\n${email}`).digest('hex');
}

function sameSignature(expectedHex: string, signature: string | undefined): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const given = Buffer.from(signature ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * What a signed session vouches for: the id is the directory username (or UPN), and the email when the
 * signature covers it. Unsigned sessions vouch for nothing, so they can never reset a password.
 */
export function verifiedIdentity(secret: string | undefined, userId: string | undefined, email: string | undefined, signature: string | undefined): VerifiedIdentity | undefined {
  if (!secret || userId === undefined) return undefined;
  if (email !== undefined && sameSignature(signUserIdAndEmail(secret, userId, email), signature)) return { upn: userId, email };
  verifyUserId(secret, userId, signature);
  return { upn: userId };
}

/**
 * A user id decides whose tickets a chat may see, so with a secret configured it must come signed by the
 * intranet's server; without one (a demo on a trusted network) ids are taken as given.
 */
export function verifyUserId(secret: string | undefined, userId: string | undefined, signature: string | undefined): void {
  if (!secret || userId === undefined) return;
  if (!sameSignature(signUserId(secret, userId), signature)) throw new MesaError('invalid_identity', 'The user id is not signed by the intranet.');
}
