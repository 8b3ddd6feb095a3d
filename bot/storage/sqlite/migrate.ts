import type { SqliteDatabase } from './open-database.js';

/** One schema change; versions only ever grow, and an applied migration is never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Applies a domain's pending migrations in order, each in its own transaction. */
export function migrate(db: SqliteDatabase, domain: string, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    domain TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (domain, version))`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations WHERE domain = ?').pluck().all(domain) as number[],
  );
  const record = db.prepare('INSERT INTO schema_migrations (domain, version, name, applied_at) VALUES (?, ?, ?, ?)');
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(domain, migration.version, migration.name, new Date().toISOString());
    })();
    done.push(migration.version);
  }
  return done;
}
