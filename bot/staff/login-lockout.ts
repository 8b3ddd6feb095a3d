import type { LoginAttemptPolicy, LoginFailures } from './staff-repository.js';

/** Failures within this window count towards a lock… */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** …this many lock the email… */
export const MAX_FAILURES = 5;
/** …for this long. */
export const LOCK_MS = 15 * 60_000;

/** The lockout's rules for an attempt made at `now`, as the repository applies them in one conditional write. */
export function attemptPolicy(now: Date): LoginAttemptPolicy {
  return { at: now, windowStart: new Date(now.getTime() - FAILURE_WINDOW_MS), maxAttempts: MAX_FAILURES, lockUntil: new Date(now.getTime() + LOCK_MS) };
}

/**
 * Whether a counted attempt may go on to the password check. Every attempt is counted before the check, so
 * attempts made in parallel each see the ones before them: only the first five of a window get through.
 */
export function attemptRefused(failures: LoginFailures, now: Date): Date | null {
  return failures.count > MAX_FAILURES && failures.lockedUntil && failures.lockedUntil > now ? failures.lockedUntil : null;
}
