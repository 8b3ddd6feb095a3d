import type { Migration } from '../../storage/sqlite/migrate.js';

export const staffMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'staff accounts, console sessions and failed sign-ins',
    sql: `
      CREATE TABLE staff_accounts (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        roles TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff_accounts(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX staff_sessions_staff ON staff_sessions(staff_id);
      CREATE TABLE staff_login_failures (
        email TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        first_at TEXT NOT NULL,
        locked_until TEXT
      );
    `,
  },
];
