import { join } from 'node:path';
import type { KnowledgeBase } from '../bot/core/knowledge-base.js';
import type { Logger } from '../bot/logger.js';
import { projectRoot } from '../bot/paths.js';
import type { SqliteDatabase } from '../bot/storage/sqlite/open-database.js';
import type { ArticleRepository } from './articles/article-repository.js';
import { importDirectory } from './import/import-directory.js';
import type { InsightsRepository } from './insights/insights-repository.js';
import { createKnowledgeBaseService, type HitSource } from './knowledge-base-service.js';
import { createArticleSearch } from './search/article-search.js';
import { IndexSync } from './search/index-sync.js';
import { startManagedMeilisearch } from './search/managed-meilisearch.js';
import { MeiliArticleIndex } from './search/meili-article-index.js';
import { loadVocabulary } from './search/vocabulary.js';
import { SqliteArticleRepository } from './storage/sqlite-article-repository.js';
import { SqliteInsightsRepository } from './storage/sqlite-insights-repository.js';

export interface KnowledgeBaseOptions {
  db: SqliteDatabase;
  dataDir: string;
  logger: Logger;
  /** An external Meilisearch; null starts the bundled one under dataDir. */
  meilisearch: { url: string; masterKey: string | undefined } | null;
  starterKb: boolean;
}

export interface KnowledgeBaseRuntime {
  knowledgeBase: KnowledgeBase;
  search: HitSource;
  articles: ArticleRepository;
  insights: InsightsRepository;
  stop(): Promise<void>;
}

/**
 * Brings the knowledge base up: repositories on the shared database, the starter articles on a first start,
 * Meilisearch (bundled or external) with its settings, and the outbox sync that keeps the index current.
 */
export async function startKnowledgeBase(options: KnowledgeBaseOptions): Promise<KnowledgeBaseRuntime> {
  const { db, logger } = options;
  const articles = new SqliteArticleRepository(db);
  const insights = new SqliteInsightsRepository(db);
  if (options.starterKb && (await articles.listVariants()).length === 0) {
    const report = await importDirectory(join(projectRoot(), 'kb', 'starter'), articles, { author: 'mesa-starter-kb', at: new Date() });
    logger.info({ created: report.created, refused: report.failed.length }, 'imported the starter knowledge base (MESA_STARTER_KB=off to start empty)');
  }
  const managed = options.meilisearch ? null : await startManagedMeilisearch({ dataDir: options.dataDir, logger });
  const endpoint = managed ?? { url: options.meilisearch!.url, masterKey: options.meilisearch!.masterKey ?? '' };
  // Only this process reaches the bundled Meilisearch (kb:import and kb:reindex go through the outbox); an external one may be shared.
  const index = new MeiliArticleIndex({ url: endpoint.url, masterKey: endpoint.masterKey, vocabulary: loadVocabulary(), soleWriter: managed !== null });
  const sync = new IndexSync({ repository: articles, index, logger });
  try {
    // A new index (an external server, or a lost DATA_DIR/meilisearch) starts empty: rebuild it from the database.
    const { created } = await index.applySettings();
    if (created) await articles.requeueAll();
    // Ready means searchable: whatever is queued (the starter KB on a first start) is indexed before we serve.
    await sync.syncNow();
  } catch (error) {
    // An external server that is down now may come back; the bot apologises meanwhile and the sync retries.
    if (managed) throw error;
    logger.error({ err: error, url: endpoint.url }, 'Meilisearch is not reachable; search is unavailable until it is');
    retrySettings(index, () => articles.requeueAll(), logger);
  }
  sync.start();
  const search = createArticleSearch({ index });
  return {
    knowledgeBase: createKnowledgeBaseService({ search, articles, insights, onRecordFailed: (error) => logger.error({ err: error }, 'could not record a knowledge-base event') }),
    search,
    articles,
    insights,
    async stop() {
      await sync.stop();
      await managed?.stop();
    },
  };
}

/**
 * Applies the index settings once an external Meilisearch that was down at start comes back; an index it had to
 * create is empty, so every article is queued for the outbox sync to fill it.
 */
function retrySettings(index: MeiliArticleIndex, requeueAll: () => Promise<unknown>, logger: Logger, delayMs = 2000): void {
  const timer = setTimeout(() => {
    index
      .applySettings()
      .then(async ({ created }) => {
        if (created) await requeueAll();
        logger.info({ created }, 'Meilisearch is reachable again; search settings applied');
      })
      .catch(() => retrySettings(index, requeueAll, logger, Math.min(delayMs * 2, 60_000)));
  }, delayMs);
  timer.unref();
}
