import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './open-database.js';
import { tickWriterFor } from './tick-writer.js';

/*
 * Runs in a worker thread with its own connection. Kept as CommonJS source so the same code runs from the
 * TypeScript sources (tests) and from dist/ (npm start) without a separate build step.
 * Messages to the main thread: { ready } once its connection is open, { error } when a checkpoint failed,
 * { large } when the WAL has grown past the limit, { caughtUp } after a checkpoint asked for with 'catch-up'.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
parentPort.postMessage({ ready: true });
const checkpoint = () => {
  try { return db.pragma('wal_checkpoint(PASSIVE)')[0]; } catch (error) { parentPort.postMessage({ error: String(error) }); return undefined; }
};
const timer = setInterval(() => {
  const result = checkpoint();
  if (result && result.log > workerData.walLimitFrames) parentPort.postMessage({ large: result.log });
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'catch-up') {
    checkpoint();
    parentPort.postMessage({ caughtUp: true });
    return;
  }
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

type WorkerMessage = { ready: true } | { error: string } | { large: number } | { caughtUp: true };

export interface Checkpointer {
  /** Resolves once the worker has opened its connection: from then on it checkpoints (before, the WAL only grows). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  /** How often the worker copies the WAL into the database. */
  intervalMs?: number;
  /** Past this many frames (4 KB each) the WAL is made to start over, briefly holding commits. */
  walLimitFrames?: number;
  /** Longest that commits are held for one catch-up, should the worker not answer. */
  maxHoldMs?: number;
}

/*
 * SQLite writes the WAL from its start again only once a checkpoint has copied every frame in it. Under
 * sustained load a checkpoint every second never caught up with the commits made while it ran, so the
 * WAL grew by ~10 MB a second (300 MB in a 30 s closed loop). Every 100 ms there is little to copy, and a
 * checkpoint often catches up between two commits. When none has for 16 MB, commits wait (a few ms) while
 * the worker copies the rest, and the next commit starts the WAL over.
 */
const DEFAULTS: Required<CheckpointerOptions> = { intervalMs: 100, walLimitFrames: 4096, maxHoldMs: 250 };

/**
 * Moves WAL checkpoints off the event loop. A checkpoint copies pages into the database file and syncs it;
 * run on the main thread (SQLite's default, every 1,000 pages) that sync stalls every turn behind it.
 */
export function startWalCheckpointer(db: SqliteDatabase, onError: (message: string) => void, options: CheckpointerOptions = {}): Checkpointer {
  const { intervalMs, walLimitFrames, maxHoldMs } = { ...DEFAULTS, ...options };
  db.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: db.name, driver, intervalMs, walLimitFrames } });
  const writer = tickWriterFor(db);
  let caughtUp: (() => void) | undefined;
  const catchUp = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, maxHoldMs);
      caughtUp = () => {
        clearTimeout(timer);
        resolve();
      };
      worker.postMessage('catch-up');
    }).finally(() => (caughtUp = undefined));
  let started: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (started = resolve));
  worker.on('message', (message: WorkerMessage) => {
    if ('ready' in message) started();
    else if ('error' in message) onError(message.error);
    else if ('large' in message) writer.holdCommitsWhile(catchUp);
    else caughtUp?.();
  });
  // Without checkpoints the WAL only grows, which is no reason to stop serving: say so and go on.
  worker.on('error', (error) => onError(`the checkpointer stopped: ${error.message}`));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    ready,
    async stop() {
      // Unreferenced so it never keeps Mesa alive on its own; while stopping we do want to wait for it.
      worker.ref();
      caughtUp?.();
      worker.postMessage('stop');
      await exited;
    },
  };
}
