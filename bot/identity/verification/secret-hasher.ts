import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Hashes one-time codes and reset tokens under the install's own secret (HMAC-SHA256): what is stored can be
 * neither reversed nor brute-forced offline without the secret, and a leaked database alone proves nothing.
 */
export class SecretHasher {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('the identity secret must be at least 32 bytes');
  }

  hash(purpose: string, secret: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\u0000${secret}`).digest('hex');
  }

  /** Constant-time comparison of a candidate against a stored hash. */
  matches(purpose: string, candidate: string, storedHash: string): boolean {
    const expected = Buffer.from(storedHash, 'hex');
    const given = Buffer.from(this.hash(purpose, candidate), 'hex');
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/** A uniformly random numeric one-time code (NIST SP 800-63B: at least 6 digits from an approved RNG). */
export function newOneTimeCode(digits: number): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

/** An unguessable URL-safe token for a reset link (256 bits). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}
