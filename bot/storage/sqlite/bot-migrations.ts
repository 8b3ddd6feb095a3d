import type { Migration } from './migrate.js';

export const botMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'users, conversations, messages with their turn queue',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        external_id TEXT NOT NULL,
        name TEXT,
        email TEXT,
        language TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (channel, external_id)
      );
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id),
        token_hash TEXT,
        state TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX conversations_user ON conversations(user_id);
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        role TEXT NOT NULL,
        text TEXT NOT NULL,
        locale TEXT NOT NULL,
        extras TEXT,
        action_id TEXT,
        turn_status TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX messages_conversation ON messages(conversation_id, id);
      CREATE INDEX messages_pending ON messages(conversation_id, id) WHERE turn_status = 'pending';
      CREATE TABLE offered_actions (
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        action_id TEXT NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (conversation_id, action_id)
      );
    `,
  },
  {
    version: 2,
    name: 'dedupe keys for messages appended outside turns (notices, analyst replies, channel retries)',
    sql: `
      ALTER TABLE messages ADD COLUMN dedupe_key TEXT;
      CREATE UNIQUE INDEX messages_dedupe ON messages(dedupe_key) WHERE dedupe_key IS NOT NULL;
    `,
  },
  {
    version: 3,
    name: 'messages without AUTOINCREMENT: one page less to write per commit',
    // AUTOINCREMENT only adds a guarantee for deleted rows (their ids are never handed out again); messages are
    // never deleted, so plain rowids stay increasing, and sqlite_sequence no longer changes on every insert.
    sql: `
      CREATE TABLE messages_v3 (
        id INTEGER PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        role TEXT NOT NULL,
        text TEXT NOT NULL,
        locale TEXT NOT NULL,
        extras TEXT,
        action_id TEXT,
        turn_status TEXT,
        created_at TEXT NOT NULL,
        dedupe_key TEXT
      );
      INSERT INTO messages_v3 (id, conversation_id, role, text, locale, extras, action_id, turn_status, created_at, dedupe_key)
        SELECT id, conversation_id, role, text, locale, extras, action_id, turn_status, created_at, dedupe_key FROM messages;
      DROP TABLE messages;
      ALTER TABLE messages_v3 RENAME TO messages;
      CREATE INDEX messages_conversation ON messages(conversation_id, id);
      CREATE INDEX messages_pending ON messages(conversation_id, id) WHERE turn_status = 'pending';
      CREATE UNIQUE INDEX messages_dedupe ON messages(dedupe_key) WHERE dedupe_key IS NOT NULL;
    `,
  },
  {
    version: 4,
    name: 'conversations by start time, for forgetting sessions that never sent a message',
    sql: 'CREATE INDEX conversations_created ON conversations(channel, created_at);',
  },
  {
    version: 5,
    name: 'what each user\'s channel vouches for (directory lookups for password resets)',
    sql: 'ALTER TABLE users ADD COLUMN verified TEXT;',
  },
];
