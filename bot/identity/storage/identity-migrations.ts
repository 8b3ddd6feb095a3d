import type { Migration } from '../../storage/sqlite/migrate.js';

export const identityMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'verification codes, reset links, flow locks and the self-service audit',
    sql: `
      CREATE TABLE identity_verifications (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        mesa_user_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        directory_user_id TEXT NOT NULL,
        username TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        used_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX identity_verifications_account ON identity_verifications(directory_user_id, created_at);
      CREATE TABLE identity_reset_links (
        token_hash TEXT PRIMARY KEY,
        verification_id TEXT NOT NULL REFERENCES identity_verifications(id),
        mesa_user_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        directory_user_id TEXT NOT NULL,
        username TEXT NOT NULL,
        language TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
      CREATE TABLE identity_flow_locks (
        directory_user_id TEXT PRIMARY KEY,
        locked_until TEXT NOT NULL
      );
      CREATE TABLE identity_audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        event TEXT NOT NULL,
        outcome TEXT NOT NULL,
        mesa_user_id TEXT,
        channel TEXT,
        username TEXT,
        detail TEXT
      );
      CREATE INDEX identity_audit_username ON identity_audit(username, seq);
    `,
  },
];
