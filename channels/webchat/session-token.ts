import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash is stored, so a copy of the database does not hand out working tokens. */
export function hashToken(token: string): string {
  // The one-shot form: every chat request checks its token, and a Hash object per request costs five times more.
  return hash('sha256', token, 'hex');
}

export function tokenMatches(token: string, expectedHash: string | null): boolean {
  if (!expectedHash) return false;
  const actual = hash('sha256', token, 'buffer');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
