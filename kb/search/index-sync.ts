import type { Logger } from '../../bot/logger.js';
import type { ArticleVariant } from '../articles/article.js';
import type { ArticleRepository } from '../articles/article-repository.js';
import type { ArticleIndex } from './article-index.js';
import { documentUid } from './search-document.js';

export interface IndexSyncOptions {
  repository: ArticleRepository;
  index: ArticleIndex;
  logger: Logger;
  /** How often start() looks at the outbox; another process (kb:import) may have filled it. */
  intervalMs?: number;
  /** Outbox rows handled per round trip to the index. */
  batchSize?: number;
}

/**
 * Makes the index follow the database through the outbox: each queued variant is indexed if published and
 * removed otherwise, and only then marked done. When search is down nothing is marked, so nothing is lost;
 * the next sync picks it up.
 */
export class IndexSync {
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private tail: Promise<unknown> = Promise.resolve();
  private busy = false;
  private failing = false;
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly options: IndexSyncOptions) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 200;
  }

  /** Drains the outbox now (after any sync in progress); resolves with the number of outbox rows handled. */
  syncNow(): Promise<number> {
    const run = this.tail.then(() => this.drain());
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Syncs now and then every intervalMs until stop(); failures are logged once per outage. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.tick();
  }

  /** Stops polling and waits for a sync in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.tail;
  }

  private async tick(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      await this.syncNow().catch(() => undefined);
      this.busy = false;
    }
    if (this.running) this.timer = setTimeout(() => void this.tick(), this.intervalMs);
  }

  private async drain(): Promise<number> {
    const { repository, index, logger } = this.options;
    let handled = 0;
    try {
      for (;;) {
        const changes = await repository.pendingIndexChanges(this.batchSize);
        if (changes.length === 0) break;
        const toIndex = new Map<string, ArticleVariant>();
        const toRemove = new Set<string>();
        for (const change of changes) {
          const uid = documentUid(change.id, change.language);
          if (toIndex.has(uid) || toRemove.has(uid)) continue;
          // The row says what changed, the database says what it is now: index the current state.
          const variant = await repository.findVariant(change.id, change.language);
          if (variant?.status === 'published') toIndex.set(uid, variant);
          else toRemove.add(uid);
        }
        await index.upsert([...toIndex.values()]);
        await index.remove([...toRemove]);
        await repository.markIndexed(changes.map((change) => change.seq));
        handled += changes.length;
      }
    } catch (error) {
      if (!this.failing) logger.warn({ err: error, indexedBeforeFailure: handled }, 'search index sync failed; the changes stay queued and are retried');
      this.failing = true;
      throw error;
    }
    if (this.failing) logger.info('search index sync works again');
    this.failing = false;
    if (handled > 0) logger.debug({ changes: handled }, 'search index synced');
    return handled;
  }
}
