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
];
