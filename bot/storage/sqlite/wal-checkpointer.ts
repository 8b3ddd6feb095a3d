import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './open-database.js';

/*
 * Runs in a worker thread with its own connection. Kept as CommonJS source so the same code runs from the
 * TypeScript sources (tests) and from dist/ (npm start) without a separate build step.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error)); }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/*
 * SQLite writes the WAL from its start again only once a checkpoint has copied every frame in it. Under
 * sustained load a checkpoint every second never caught up with the commits made while it ran, so the
 * WAL grew by ~10 MB a second (300 MB in a 30 s closed loop), and each new frame extended the file. One
 * every 100 ms has little to copy and often catches up between two commits: the bench's closed loop now
 * peaks at 14–90 MB. At a service desk's real rates there are quiet moments, and the WAL restarts in them.
 */
const CHECKPOINT_EVERY_MS = 100;

/**
 * Moves WAL checkpoints off the event loop. A checkpoint copies pages into the database file and syncs it;
 * run on the main thread (SQLite's default, every 1,000 pages) that sync stalls every turn behind it.
 */
export function startWalCheckpointer(db: SqliteDatabase, onError: (message: string) => void, intervalMs = CHECKPOINT_EVERY_MS): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: db.name, driver, intervalMs } });
  worker.on('message', (message: string) => onError(message));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Unreferenced so it never keeps Mesa alive on its own; while stopping we do want to wait for it.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
