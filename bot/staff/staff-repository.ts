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

/** What staff accounts need from storage, in their own words. */
export interface StaffRepository {
  create(account: { email: string; name: string; roles: StaffRole[]; passwordHash: string; at: Date }): Promise<StaffAccount>;
  findByEmail(email: string): Promise<StaffAccountWithSecret | null>;
  findById(id: string): Promise<StaffAccount | null>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  countWithRole(role: StaffRole): Promise<number>;

  createSession(session: StaffSession): Promise<void>;
  findSession(tokenHash: string): Promise<StaffSession | null>;
  extendSession(tokenHash: string, expiresAt: Date): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;

  /**
   * Counts one sign-in attempt, before its password is checked, in one atomic step: a lock that ran out or a
   * window that is over starts a fresh count; the count reaching `maxAttempts` sets the lock. Returns the new count.
   */
  countLoginAttempt(email: string, policy: LoginAttemptPolicy): Promise<LoginFailures>;
  clearLoginFailures(email: string): Promise<void>;
}
