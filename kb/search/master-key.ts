import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';

/**
 * The managed instance's master key: 32 random bytes (hex) generated on first start and kept in `path`
 * (mode 0600), so a restart opens the same data with the same key.
 */
export function readOrCreateMasterKey(path: string): string {
  try {
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Someone may have loosened the permissions by hand; the key opens every index.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const key = readFileSync(path, 'utf8').trim();
  // Meilisearch refuses master keys shorter than 16 bytes in production.
  if (Buffer.byteLength(key) < 16) throw new Error(`${path} holds a master key shorter than 16 bytes; delete it to generate a new one`);
  return key;
}
