import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The per-install key codes and tokens are hashed under: generated on the first start and kept beside the
 * database (readable by Mesa's user only), so every install hashes differently.
 */
export function loadInstallSecret(path: string): Buffer {
  if (existsSync(path)) {
    const stored = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(path, `${secret.toString('hex')}\n`, { mode: 0o600 });
  return secret;
}
