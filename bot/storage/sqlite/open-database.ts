import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type SqliteDatabase = Database.Database;

/**
 * Opens the embedded database in WAL mode. Commits are written to the WAL before they return, which
 * survives a crash of Mesa; `durably()` additionally flushes to disk, for the writes that a client is told
 * are safe (a 202). Flushing the WAL also flushes every earlier commit, so the file is always a clean prefix.
 */
export function openDatabase(dataDir: string, fileName = 'mesa.db'): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, fileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Runs `work` in a transaction whose commit is flushed to disk before this returns. */
export function durably<R>(db: SqliteDatabase, work: () => R): R {
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(work)();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}
