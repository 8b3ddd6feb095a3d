import { walFlusher, type SqliteDatabase } from './open-database.js';

/** One write for the next shared transaction. */
export interface TickWrite<R> {
  /** Runs inside the transaction: statements only, no other side effects (it may run a second time, alone). */
  write: () => R;
  /** Runs right after the commit, in commit order: where in-memory mirrors of the database are updated. */
  committed?: (result: R) => void;
  /** Resolve only once the commit would survive a power cut (a 202 to a client); otherwise at commit. */
  durable: boolean;
}

interface Waiting {
  item: TickWrite<unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects every write submitted to one database in the same tick of the event loop (accepted messages,
 * finished turns, knowledge-base events) and commits them in one transaction. Under load a commit costs
 * more than the writes in it, and pages they share are written to the WAL once. When the shared
 * transaction fails, each write is retried in a transaction of its own, so one bad write fails alone.
 */
export class TickWriter {
  private waiting: Waiting[] = [];
  private scheduled = false;
  private held = false;
  private readonly transaction: (items: Array<TickWrite<unknown>>) => unknown[];
  private readonly wal: ReturnType<typeof walFlusher>;

  constructor(db: SqliteDatabase) {
    this.transaction = db.transaction((items: Array<TickWrite<unknown>>) => items.map((item) => item.write()));
    this.wal = walFlusher(db);
  }

  submit<R>(item: TickWrite<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item: item as TickWrite<unknown>, resolve: resolve as (result: unknown) => void, reject });
      this.schedule();
    });
  }

  /**
   * Commits wait while `work` runs, then go on in the order they came: the WAL checkpointer uses it to
   * copy the last frames with no commit in between, so that SQLite can start the WAL over.
   */
  holdCommitsWhile(work: () => Promise<void>): void {
    if (this.held) return;
    this.held = true;
    void work()
      .catch(() => undefined)
      .finally(() => {
        this.held = false;
        this.schedule();
      });
  }

  private schedule(): void {
    if (this.scheduled || this.held || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => void this.commitBatch());
  }

  /** Resolves once everything committed so far is on disk. */
  flush(): Promise<void> {
    return this.wal.flush();
  }

  async close(): Promise<void> {
    await this.wal.close();
  }

  private async commitBatch(): Promise<void> {
    this.scheduled = false;
    // A hold that began after this batch was scheduled: holdCommitsWhile schedules it again when it ends.
    if (this.held) return;
    const batch = this.waiting;
    this.waiting = [];
    let results: unknown[];
    try {
      results = this.transaction(batch.map((waiting) => waiting.item));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      return this.commitEach(batch);
    }
    await this.settle(batch, results);
  }

  private async commitEach(batch: Waiting[]): Promise<void> {
    const committed: Waiting[] = [];
    const results: unknown[] = [];
    for (const waiting of batch) {
      try {
        results.push(this.transaction([waiting.item])[0]);
        committed.push(waiting);
      } catch (error) {
        waiting.reject(error);
      }
    }
    await this.settle(committed, results);
  }

  private async settle(batch: Waiting[], results: unknown[]): Promise<void> {
    const durable: Array<[Waiting, unknown]> = [];
    batch.forEach((waiting, index) => {
      const result = results[index];
      waiting.item.committed?.(result);
      if (waiting.item.durable) durable.push([waiting, result]);
      else waiting.resolve(result);
    });
    if (durable.length === 0) return;
    try {
      await this.wal.flush();
      for (const [waiting, result] of durable) waiting.resolve(result);
    } catch (error) {
      for (const [waiting] of durable) waiting.reject(error);
    }
  }
}

const writers = new WeakMap<SqliteDatabase, TickWriter>();

/** The one writer of a connection: every repository on it shares the same transactions. */
export function tickWriterFor(db: SqliteDatabase): TickWriter {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new TickWriter(db)));
  return writer;
}
