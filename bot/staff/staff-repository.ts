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

/** Failed sign-ins for one email, for the lockout. */
export interface LoginFailures {
  count: number;
  firstAt: Date;
  lockedUntil: Date | null;
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

  loginFailures(email: string): Promise<LoginFailures | null>;
  setLoginFailures(email: string, failures: LoginFailures): Promise<void>;
  clearLoginFailures(email: string): Promise<void>;
}
