import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

/** A JSON Web Key as an OpenID metadata document publishes it (Bot Connector keys carry endorsements). */
export interface PublishedKey {
  kty: string;
  kid: string;
  n: string;
  e: string;
  use: 'sig';
  endorsements: string[];
}

/**
 * A locally generated RSA key that signs RS256 JWTs, standing in for the keys Microsoft's login and Bot
 * Connector sign with: the SDK under test fetches the public half through OpenID metadata, as in the cloud.
 */
export class FakeTokenSigner {
  readonly kid = randomUUID();
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  publishedKey(endorsements: string[] = ['msteams']): PublishedKey {
    const jwk = this.publicKey.export({ format: 'jwk' }) as { kty: string; n: string; e: string };
    return { kty: jwk.kty, kid: this.kid, n: jwk.n, e: jwk.e, use: 'sig', endorsements };
  }

  /** A signed token with `claims`, valid for an hour from now unless the claims say otherwise. */
  sign(claims: Record<string, unknown>): string {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.kid }));
    const payload = base64url(JSON.stringify({ nbf: now - 5, iat: now - 5, exp: now + 3600, ...claims }));
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), this.privateKey).toString('base64url');
    return `${header}.${payload}.${signature}`;
  }
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
