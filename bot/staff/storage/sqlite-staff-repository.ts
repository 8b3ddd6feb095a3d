import { randomUUID } from 'node:crypto';
import { MesaError } from '../../core/errors.js';
import { migrate } from '../../storage/sqlite/migrate.js';
import type { SqliteDatabase } from '../../storage/sqlite/open-database.js';
import { normalizeEmail } from '../normalize-email.js';
import type { StaffRole } from '../roles.js';
import type { LoginAttemptPolicy, LoginFailures, StaffAccount, StaffAccountWithSecret, StaffRepository, StaffSession } from '../staff-repository.js';
import { staffMigrations } from './staff-migrations.js';

interface AccountRow {
  id: string;
  email: string;
  name: string;
  roles: string;
  password_hash: string;
  created_at: string;
}

function toAccount(row: AccountRow): StaffAccountWithSecret {
  return { id: row.id, email: row.email, name: row.name, roles: JSON.parse(row.roles) as StaffRole[], passwordHash: row.password_hash, createdAt: new Date(row.created_at) };
}

/** Staff accounts and console sessions on the embedded SQLite database. */
export class SqliteStaffRepository implements StaffRepository {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    migrate(db, 'staff', staffMigrations);
    this.statements = {
      insert: db.prepare('INSERT INTO staff_accounts (id, email, name, roles, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      byEmail: db.prepare('SELECT * FROM staff_accounts WHERE email = ?'),
      byId: db.prepare('SELECT * FROM staff_accounts WHERE id = ?'),
      setPassword: db.prepare('UPDATE staff_accounts SET password_hash = ? WHERE id = ?'),
      withRole: db.prepare('SELECT COUNT(*) FROM staff_accounts, json_each(staff_accounts.roles) WHERE json_each.value = ?').pluck(),
      newSession: db.prepare('INSERT INTO staff_sessions (token_hash, staff_id, expires_at) VALUES (?, ?, ?)'),
      session: db.prepare('SELECT token_hash, staff_id, expires_at FROM staff_sessions WHERE token_hash = ?'),
      extend: db.prepare('UPDATE staff_sessions SET expires_at = ? WHERE token_hash = ?'),
      endSession: db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?'),
      // One statement per attempt, so parallel attempts cannot overwrite each other's count. In SET every column
      // reads the row as it was; ISO-8601 strings of one format compare in time order.
      countAttempt: db.prepare(`INSERT INTO staff_login_failures (email, count, first_at, locked_until)
        VALUES (@email, 1, @at, CASE WHEN @max <= 1 THEN @lockUntil END)
        ON CONFLICT (email) DO UPDATE SET
          count = CASE WHEN locked_until > @at THEN count + 1
            WHEN locked_until IS NOT NULL OR first_at <= @windowStart THEN 1
            ELSE count + 1 END,
          first_at = CASE WHEN locked_until > @at THEN first_at
            WHEN locked_until IS NOT NULL OR first_at <= @windowStart THEN @at
            ELSE first_at END,
          locked_until = CASE WHEN locked_until > @at THEN locked_until
            WHEN locked_until IS NOT NULL OR first_at <= @windowStart THEN CASE WHEN @max <= 1 THEN @lockUntil END
            WHEN count + 1 >= @max THEN @lockUntil
            END
        RETURNING count, first_at, locked_until`),
      clearFailures: db.prepare('DELETE FROM staff_login_failures WHERE email = ?'),
    };
  }

  async create(account: { email: string; name: string; roles: StaffRole[]; passwordHash: string; at: Date }): Promise<StaffAccount> {
    const id = randomUUID();
    const email = normalizeEmail(account.email);
    try {
      this.statements.insert.run(id, email, account.name, JSON.stringify(account.roles), account.passwordHash, account.at.toISOString());
    } catch (error) {
      // Two admins creating one account at once both pass StaffAuth's check; the loser gets a 409, not a 500.
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new MesaError('email_taken', 'A staff account with this email exists.', { cause: error, params: { email } });
      throw error;
    }
    return { id, email, name: account.name, roles: account.roles, createdAt: account.at };
  }

  async findByEmail(email: string): Promise<StaffAccountWithSecret | null> {
    const row = this.statements.byEmail.get(normalizeEmail(email)) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  async findById(id: string): Promise<StaffAccount | null> {
    const row = this.statements.byId.get(id) as AccountRow | undefined;
    if (!row) return null;
    const { passwordHash: _secret, ...account } = toAccount(row);
    return account;
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    this.statements.setPassword.run(passwordHash, id);
  }

  async countWithRole(role: StaffRole): Promise<number> {
    return this.statements.withRole.get(role) as number;
  }

  async createSession(session: StaffSession): Promise<void> {
    this.statements.newSession.run(session.tokenHash, session.staffId, session.expiresAt.toISOString());
  }

  async findSession(tokenHash: string): Promise<StaffSession | null> {
    const row = this.statements.session.get(tokenHash) as { token_hash: string; staff_id: string; expires_at: string } | undefined;
    return row ? { tokenHash: row.token_hash, staffId: row.staff_id, expiresAt: new Date(row.expires_at) } : null;
  }

  async extendSession(tokenHash: string, expiresAt: Date): Promise<void> {
    this.statements.extend.run(expiresAt.toISOString(), tokenHash);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.statements.endSession.run(tokenHash);
  }

  async countLoginAttempt(email: string, policy: LoginAttemptPolicy): Promise<LoginFailures> {
    const row = this.statements.countAttempt.get({
      email: normalizeEmail(email),
      at: policy.at.toISOString(),
      windowStart: policy.windowStart.toISOString(),
      max: policy.maxAttempts,
      lockUntil: policy.lockUntil.toISOString(),
    }) as { count: number; first_at: string; locked_until: string | null };
    return { count: row.count, firstAt: new Date(row.first_at), lockedUntil: row.locked_until ? new Date(row.locked_until) : null };
  }

  async clearLoginFailures(email: string): Promise<void> {
    this.statements.clearFailures.run(normalizeEmail(email));
  }
}
