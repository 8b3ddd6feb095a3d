import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export type SqliteDatabase = Database.Database;

/**
 * Opens the embedded database in WAL mode. Commits are written to the WAL before they return, which
 * survives a crash of Mesa; `walFlusher()` additionally flushes them to disk, for the writes that a client
 * is told are safe (a 202). Flushing the WAL also flushes every earlier commit, so the file is always a clean prefix.
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

/**
 * Flushes the WAL to disk on libuv's thread pool. A commit made with synchronous=NORMAL is already in the WAL;
 * syncing the WAL makes it (and every earlier commit) survive a power cut, without stalling the event loop
 * the way synchronous=FULL does when the disk is slow.
 */
export function walFlusher(db: SqliteDatabase): { flush(): Promise<void>; close(): Promise<void> } {
  let handle: Promise<FileHandle> | null = null;
  return {
    async flush() {
      handle ??= open(`${db.name}-wal`, 'r');
      await (await handle).datasync();
    },
    async close() {
      if (handle) await (await handle).close();
      handle = null;
    },
  };
}
