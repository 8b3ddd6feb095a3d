import { migrate } from '../../storage/sqlite/migrate.js';
import type { SqliteDatabase } from '../../storage/sqlite/open-database.js';
import type { Language } from '../../core/language.js';
import type { AuditEntry, IdentityRepository, ResetLinkRecord, SelfServiceKind, VerificationRecord } from '../identity-repository.js';
import { identityMigrations } from './identity-migrations.js';

interface VerificationRow {
  id: string;
  kind: SelfServiceKind;
  mesa_user_id: string;
  conversation_id: string;
  channel: string;
  directory_user_id: string;
  username: string;
  code_hash: string;
  expires_at: string;
  failures: number;
  used_at: string | null;
  created_at: string;
}

interface LinkRow {
  token_hash: string;
  verification_id: string;
  mesa_user_id: string;
  conversation_id: string;
  channel: string;
  directory_user_id: string;
  username: string;
  language: Language;
  expires_at: string;
  used_at: string | null;
}

interface AuditRow {
  at: string;
  kind: SelfServiceKind;
  event: AuditEntry['event'];
  outcome: AuditEntry['outcome'];
  mesa_user_id: string | null;
  channel: string | null;
  username: string | null;
  detail: string | null;
}

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** Self-service verifications, links and audit on the embedded SQLite database. */
export class SqliteIdentityRepository implements IdentityRepository {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    migrate(db, 'identity', identityMigrations);
    this.statements = {
      insertVerification: db.prepare(`INSERT INTO identity_verifications (id, kind, mesa_user_id, conversation_id, channel, directory_user_id, username, code_hash, expires_at, failures, used_at, created_at)
        VALUES (@id, @kind, @mesa_user_id, @conversation_id, @channel, @directory_user_id, @username, @code_hash, @expires_at, @failures, @used_at, @created_at)`),
      verification: db.prepare('SELECT * FROM identity_verifications WHERE id = ?'),
      wrongCode: db.prepare('UPDATE identity_verifications SET failures = failures + 1 WHERE id = ? RETURNING failures').pluck(),
      useVerification: db.prepare('UPDATE identity_verifications SET used_at = ? WHERE id = ? AND used_at IS NULL'),
      requestsSince: db.prepare('SELECT COUNT(*) FROM identity_verifications WHERE directory_user_id = ? AND created_at >= ?').pluck(),
      wrongSince: db.prepare('SELECT COALESCE(SUM(failures), 0) FROM identity_verifications WHERE directory_user_id = ? AND created_at >= ?').pluck(),
      insertLink: db.prepare(`INSERT INTO identity_reset_links (token_hash, verification_id, mesa_user_id, conversation_id, channel, directory_user_id, username, language, expires_at, used_at)
        VALUES (@token_hash, @verification_id, @mesa_user_id, @conversation_id, @channel, @directory_user_id, @username, @language, @expires_at, @used_at)`),
      link: db.prepare('SELECT * FROM identity_reset_links WHERE token_hash = ?'),
      claimLink: db.prepare('UPDATE identity_reset_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?'),
      releaseLink: db.prepare('UPDATE identity_reset_links SET used_at = NULL WHERE token_hash = ?'),
      lock: db.prepare(`INSERT INTO identity_flow_locks (directory_user_id, locked_until) VALUES (?, ?)
        ON CONFLICT (directory_user_id) DO UPDATE SET locked_until = MAX(locked_until, excluded.locked_until)`),
      lockedUntil: db.prepare('SELECT locked_until FROM identity_flow_locks WHERE directory_user_id = ?').pluck(),
      insertAudit: db.prepare(`INSERT INTO identity_audit (at, kind, event, outcome, mesa_user_id, channel, username, detail)
        VALUES (@at, @kind, @event, @outcome, @mesa_user_id, @channel, @username, @detail)`),
      audit: db.prepare('SELECT * FROM identity_audit ORDER BY seq DESC LIMIT CAST(? AS INTEGER)'),
      auditOf: db.prepare('SELECT * FROM identity_audit WHERE username = ? ORDER BY seq DESC LIMIT CAST(? AS INTEGER)'),
    };
  }

  async createVerification(record: VerificationRecord): Promise<void> {
    this.statements.insertVerification.run({
      id: record.id,
      kind: record.kind,
      mesa_user_id: record.mesaUserId,
      conversation_id: record.conversationId,
      channel: record.channel,
      directory_user_id: record.directoryUserId,
      username: record.username,
      code_hash: record.codeHash,
      expires_at: record.expiresAt.toISOString(),
      failures: record.failures,
      used_at: record.usedAt?.toISOString() ?? null,
      created_at: record.createdAt.toISOString(),
    });
  }

  async findVerification(id: string): Promise<VerificationRecord | null> {
    const row = this.statements.verification.get(id) as VerificationRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      kind: row.kind,
      mesaUserId: row.mesa_user_id,
      conversationId: row.conversation_id,
      channel: row.channel,
      directoryUserId: row.directory_user_id,
      username: row.username,
      codeHash: row.code_hash,
      expiresAt: new Date(row.expires_at),
      failures: row.failures,
      usedAt: date(row.used_at),
      createdAt: new Date(row.created_at),
    };
  }

  async addWrongCode(id: string): Promise<number> {
    return (this.statements.wrongCode.get(id) as number | undefined) ?? 0;
  }

  async useVerification(id: string, at: Date): Promise<boolean> {
    return this.statements.useVerification.run(at.toISOString(), id).changes === 1;
  }

  async requestsSince(directoryUserId: string, since: Date): Promise<number> {
    return this.statements.requestsSince.get(directoryUserId, since.toISOString()) as number;
  }

  async wrongCodesSince(directoryUserId: string, since: Date): Promise<number> {
    return this.statements.wrongSince.get(directoryUserId, since.toISOString()) as number;
  }

  async createLink(record: ResetLinkRecord): Promise<void> {
    this.statements.insertLink.run({
      token_hash: record.tokenHash,
      verification_id: record.verificationId,
      mesa_user_id: record.mesaUserId,
      conversation_id: record.conversationId,
      channel: record.channel,
      directory_user_id: record.directoryUserId,
      username: record.username,
      language: record.language,
      expires_at: record.expiresAt.toISOString(),
      used_at: record.usedAt?.toISOString() ?? null,
    });
  }

  async findLink(tokenHash: string): Promise<ResetLinkRecord | null> {
    const row = this.statements.link.get(tokenHash) as LinkRow | undefined;
    if (!row) return null;
    return {
      tokenHash: row.token_hash,
      verificationId: row.verification_id,
      mesaUserId: row.mesa_user_id,
      conversationId: row.conversation_id,
      channel: row.channel,
      directoryUserId: row.directory_user_id,
      username: row.username,
      language: row.language,
      expiresAt: new Date(row.expires_at),
      usedAt: date(row.used_at),
    };
  }

  async claimLink(tokenHash: string, at: Date): Promise<boolean> {
    const iso = at.toISOString();
    return this.statements.claimLink.run(iso, tokenHash, iso).changes === 1;
  }

  async releaseLink(tokenHash: string): Promise<void> {
    this.statements.releaseLink.run(tokenHash);
  }

  async lockFlow(directoryUserId: string, until: Date): Promise<void> {
    this.statements.lock.run(directoryUserId, until.toISOString());
  }

  async flowLockedUntil(directoryUserId: string): Promise<Date | null> {
    return date((this.statements.lockedUntil.get(directoryUserId) as string | undefined) ?? null);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.statements.insertAudit.run({
      at: entry.at.toISOString(),
      kind: entry.kind,
      event: entry.event,
      outcome: entry.outcome,
      mesa_user_id: entry.mesaUserId,
      channel: entry.channel,
      username: entry.username,
      detail: entry.detail,
    });
  }

  async audit(query: { limit: number; username?: string }): Promise<AuditEntry[]> {
    const rows = (query.username ? this.statements.auditOf.all(query.username, query.limit) : this.statements.audit.all(query.limit)) as AuditRow[];
    return rows.map((row) => ({
      at: new Date(row.at),
      kind: row.kind,
      event: row.event,
      outcome: row.outcome,
      mesaUserId: row.mesa_user_id,
      channel: row.channel,
      username: row.username,
      detail: row.detail,
    }));
  }
}
