import { readFileSync } from 'node:fs';

/** The list of commonly breached passwords shipped with Mesa (`bot/identity/breached-passwords.txt`). */
export interface BreachedPasswords {
  contains(password: string): boolean;
  readonly size: number;
}

/**
 * Loads the list once. Matching ignores case and the digits and symbols people tack on at the end
 * ("Password123!" is "password"), which is how breached lists are usually turned into new passwords.
 */
export function loadBreachedPasswords(path: string): BreachedPasswords {
  const entries = new Set(
    readFileSync(path, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line.length > 0 && !line.startsWith('#')),
  );
  return {
    size: entries.size,
    contains(password) {
      const lower = password.toLowerCase();
      if (entries.has(lower)) return true;
      const stem = lower.replace(/[\d\W_]+$/u, '');
      return stem.length >= 4 && entries.has(stem);
    },
  };
}
