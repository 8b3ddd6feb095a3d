import type { Migration } from '../../bot/storage/sqlite/migrate.js';

export const kbMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'articles with language variants, versions and the search outbox',
    sql: `
      CREATE TABLE kb_variants (
        article_id TEXT NOT NULL,
        language TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        category TEXT NOT NULL,
        tags TEXT NOT NULL,
        steps TEXT NOT NULL,
        status TEXT NOT NULL,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (article_id, language)
      );
      CREATE INDEX kb_variants_status ON kb_variants(status);
      CREATE TABLE kb_versions (
        article_id TEXT NOT NULL,
        language TEXT NOT NULL,
        version INTEGER NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        category TEXT NOT NULL,
        tags TEXT NOT NULL,
        status TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (article_id, language, version)
      );
      CREATE TABLE kb_index_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL,
        language TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'article events and unanswered questions',
    sql: `
      CREATE TABLE kb_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL,
        event TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX kb_events_article ON kb_events(article_id, event);
      CREATE TABLE kb_gaps (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        query TEXT NOT NULL,
        gap_key TEXT NOT NULL,
        language TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX kb_gaps_key ON kb_gaps(language, gap_key);
    `,
  },
  {
    version: 3,
    name: 'knowledge-base events by kind and time, for the self-service KPIs',
    sql: 'CREATE INDEX kb_events_event_at ON kb_events(event, at);',
  },
];
