import type { LoginFailures } from './staff-repository.js';

/** Failures within this window count towards a lock… */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** …this many lock the email… */
export const MAX_FAILURES = 5;
/** …for this long. */
export const LOCK_MS = 15 * 60_000;

/** When the email is locked at `now`, until when; otherwise null. */
export function lockedUntil(failures: LoginFailures | null, now: Date): Date | null {
  return failures?.lockedUntil && failures.lockedUntil > now ? failures.lockedUntil : null;
}

/** The failures after one more wrong password: a fresh window once the old one is over, a lock at the limit. */
export function afterFailure(failures: LoginFailures | null, now: Date): LoginFailures {
  // A lock that has run out starts a fresh count, as does a window that is over.
  const inWindow = failures !== null && !failures.lockedUntil && now.getTime() - failures.firstAt.getTime() < FAILURE_WINDOW_MS;
  const count = inWindow ? failures.count + 1 : 1;
  const firstAt = inWindow ? failures.firstAt : now;
  if (count >= MAX_FAILURES) return { count: 0, firstAt: now, lockedUntil: new Date(now.getTime() + LOCK_MS) };
  return { count, firstAt, lockedUntil: null };
}
