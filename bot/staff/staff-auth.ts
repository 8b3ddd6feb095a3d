import { MesaError } from '../core/errors.js';
import { attemptPolicy, attemptRefused, DEFAULT_LOCKOUT, type LockoutRules } from './login-lockout.js';
import { normalizeEmail } from './normalize-email.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password-hash.js';
import type { StaffRole } from './roles.js';
import type { StaffAccount, StaffRepository } from './staff-repository.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

/** How long a console session lives without use; every use pushes the end out again. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;
// Extending on every request would write on every request; a minute of slack is invisible to people.
const EXTEND_AFTER_MS = 60_000;

export interface NewStaff {
  email: string;
  name: string;
  roles: StaffRole[];
  password: string;
}

/** Sign-in, sessions and accounts for the consoles. Passwords go in, never come out. */
export class StaffAuth {
  constructor(
    private readonly repository: StaffRepository,
    private readonly clock: () => Date = () => new Date(),
    private readonly lockout: LockoutRules = DEFAULT_LOCKOUT,
  ) {}

  async createStaff(staff: NewStaff): Promise<StaffAccount> {
    const email = normalizeEmail(staff.email);
    if (await this.repository.findByEmail(email)) throw new MesaError('email_taken', 'A staff account with this email exists.', { params: { email } });
    const passwordHash = await hashPassword(staff.password);
    return this.repository.create({ email, name: staff.name, roles: [...new Set(staff.roles)], passwordHash, at: this.clock() });
  }

  /** Checks the password and opens a session; returns the cookie's token. Locked emails are refused outright. */
  async login(emailInput: string, password: string): Promise<{ token: string; account: StaffAccount; expiresAt: Date }> {
    const email = normalizeEmail(emailInput);
    const now = this.clock();
    // Counted before the password is checked: a burst of parallel guesses is counted in full.
    const attempts = await this.repository.countLoginAttempt(email, attemptPolicy(now, this.lockout));
    const locked = attemptRefused(attempts, now, this.lockout);
    if (locked) {
      const minutes = Math.max(1, Math.ceil((locked.getTime() - now.getTime()) / 60_000));
      throw new MesaError('login_locked', 'Too many failed sign-ins; try again later.', { params: { minutes } });
    }
    const account = await this.repository.findByEmail(email);
    // Unknown emails are checked against a dummy hash so timing does not tell which emails have accounts.
    const matches = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !matches) throw new MesaError('invalid_credentials', 'Wrong email or password.');
    await this.repository.clearLoginFailures(email);
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await this.repository.createSession({ tokenHash: hashSessionToken(token), staffId: account.id, expiresAt });
    const { passwordHash: _secret, ...visible } = account;
    return { token, account: visible, expiresAt };
  }

  /** The signed-in account for a cookie token, sliding the session's end; null when missing or expired. */
  async authenticate(token: string): Promise<StaffAccount | null> {
    const tokenHash = hashSessionToken(token);
    const session = await this.repository.findSession(tokenHash);
    const now = this.clock();
    if (!session) return null;
    if (session.expiresAt <= now) {
      await this.repository.deleteSession(tokenHash);
      return null;
    }
    const renewed = new Date(now.getTime() + SESSION_TTL_MS);
    if (renewed.getTime() - session.expiresAt.getTime() > EXTEND_AFTER_MS) await this.repository.extendSession(tokenHash, renewed);
    return this.repository.findById(session.staffId);
  }

  async logout(token: string): Promise<void> {
    await this.repository.deleteSession(hashSessionToken(token));
  }
}
