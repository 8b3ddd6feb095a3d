import type { StaffRole } from './roles.js';

/** A person who signs into the consoles. The password hash never leaves the staff module. */
export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
  createdAt: Date;
}

export interface StaffAccountWithSecret extends StaffAccount {
  passwordHash: string;
}

export interface StaffSession {
  /** sha256 of the cookie's token; the token itself is never stored. */
  tokenHash: string;
  staffId: string;
  expiresAt: Date;
}

/** Sign-in attempts for one email not yet followed by a success, for the lockout. */
export interface LoginFailures {
  count: number;
  firstAt: Date;
  lockedUntil: Date | null;
}

/** The lockout's rules for one attempt (see login-lockout.ts). */
export interface LoginAttemptPolicy {
  at: Date;
  /** Attempts counted before this are forgotten. */
  windowStart: Date;
  /** The attempt that makes this many locks the email (it is still checked; a success lifts the lock). */
  maxAttempts: number;
  lockUntil: Date;
}

/**
 * What staff accounts need from storage, in their own words. An email names one account and one lockout count
 * whatever its case or surrounding spaces (normalize-email.ts), in every method that takes one.
 */
export interface StaffRepository {
  /** Stores the email normalised; an email that already has an account is refused with MesaError('email_taken'). */
  create(account: { email: string; name: string; roles: StaffRole[]; passwordHash: string; at: Date }): Promise<StaffAccount>;
  findByEmail(email: string): Promise<StaffAccountWithSecret | null>;
  findById(id: string): Promise<StaffAccount | null>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  countWithRole(role: StaffRole): Promise<number>;

  createSession(session: StaffSession): Promise<void>;
  /** The session as stored, or null; whether it has expired is the caller's decision (a clock is passed to it). */
  findSession(tokenHash: string): Promise<StaffSession | null>;
  /** Moves one session's end; a session that is gone stays gone. */
  extendSession(tokenHash: string, expiresAt: Date): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;

  /**
   * Counts one sign-in attempt, before its password is checked, in one atomic step: a lock that ran out or a
   * window that is over starts a fresh count; the count reaching `maxAttempts` sets the lock. Returns the new count.
   * Attempts made at once, by one instance or several sharing the storage, each get their own count.
   */
  countLoginAttempt(email: string, policy: LoginAttemptPolicy): Promise<LoginFailures>;
  clearLoginFailures(email: string): Promise<void>;
}
