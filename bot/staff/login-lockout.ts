import type { LoginAttemptPolicy, LoginFailures } from './staff-repository.js';

/** Failures within `windowMs` count towards a lock; `maxFailures` of them lock the email for `lockMs`. */
export interface LockoutRules {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** Five wrong passwords within 15 minutes lock an email for 15 minutes (MESA_LOGIN_MAX_FAILURES, MESA_LOGIN_LOCK_MINUTES). */
export const DEFAULT_LOCKOUT: LockoutRules = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** The lockout's rules for an attempt made at `now`, as the repository applies them in one conditional write. */
export function attemptPolicy(now: Date, rules: LockoutRules = DEFAULT_LOCKOUT): LoginAttemptPolicy {
  return { at: now, windowStart: new Date(now.getTime() - rules.windowMs), maxAttempts: rules.maxFailures, lockUntil: new Date(now.getTime() + rules.lockMs) };
}

/**
 * Until when a counted attempt is refused, or null when it may go on to the password check. Every attempt is
 * counted before the check, so attempts made in parallel each see the ones before them: only the first
 * `maxFailures` of a window get through.
 */
export function attemptRefused(failures: LoginFailures, now: Date, rules: LockoutRules = DEFAULT_LOCKOUT): Date | null {
  return failures.count > rules.maxFailures && failures.lockedUntil && failures.lockedUntil > now ? failures.lockedUntil : null;
}
