import { Meilisearch, MeilisearchApiError, type Index, type MultiSearchParams, type Task } from 'meilisearch';
import type { Language } from '../../bot/core/language.js';
import type { ArticleVariant } from '../articles/article.js';
import type { ArticleIndex, QueryEvidence } from './article-index.js';
import { articleIndexName, isEarlierArticleIndex } from './index-name.js';
import { indexSettings, LOCALE_OF } from './index-settings.js';
import { createNodeHttpClient } from './node-http-client.js';
import { createTermExtractor, type TermExtractor } from './query-terms.js';
import { rememberedEvidence, type EvidenceSource, type Lookup } from './remembered-evidence.js';
import { toSearchDocument, type SearchDocument } from './search-document.js';
import { SearchUnavailableError } from './search-errors.js';
import { createSynonymExpander, type SynonymExpander } from './synonym-expansion.js';
import { TermEvidenceCache } from './term-evidence-cache.js';
import { countQuery, termEvidence, termQuery, type LookupScope, type RankedDocument } from './term-lookup.js';
import type { Vocabulary } from './vocabulary.js';

export interface MeiliArticleIndexOptions {
  url: string;
  masterKey: string;
  vocabulary: Vocabulary;
  /** Default: named after the vocabulary and document shape (see index-name.ts); earlier ones are dropped. */
  indexName?: string;
  /** Per HTTP request; a search that takes longer is treated as the server being unavailable. */
  requestTimeoutMs?: number;
  /** How long to wait for an indexing or settings task to finish. */
  taskTimeoutMs?: number;
  /** Term lookups remembered while the index does not change (0: none); see TermEvidenceCache. */
  cachedTerms?: number;
  /**
   * True when nothing but this object writes to the index (the bundled Meilisearch, which only this Mesa
   * reaches): its own writes then say when the index changed, and a search needs no version request.
   */
  soleWriter?: boolean;
}

// The client wraps what its HTTP client throws; Meilisearch's own answer is the useful part.
function meilisearchAnswer(error: unknown): MeilisearchApiError | undefined {
  return [error, (error as Error | undefined)?.cause].find((candidate) => candidate instanceof MeilisearchApiError);
}

/** The articles index on Meilisearch: every call to the server goes through here, failures become SearchUnavailableError. */
export class MeiliArticleIndex implements ArticleIndex {
  private readonly client: Meilisearch;
  private readonly index: Index<SearchDocument>;
  private readonly name: string;
  private readonly taskTimeoutMs: number;
  private readonly termsOf: TermExtractor;
  private readonly expand: SynonymExpander;
  private readonly cache: TermEvidenceCache | null;
  /** Moves on every write of this object's, before and after it; the index's version while writes succeed. */
  private ownVersion = 0;
  /** False after a failed write until one succeeds: a task that timed out may still change the index. */
  private ownVersionHolds = true;

  constructor(private readonly options: MeiliArticleIndexOptions) {
    this.name = options.indexName ?? articleIndexName(options.vocabulary);
    this.taskTimeoutMs = options.taskTimeoutMs ?? 30_000;
    this.client = new Meilisearch({
      host: options.url,
      apiKey: options.masterKey,
      httpClient: createNodeHttpClient({ timeoutMs: options.requestTimeoutMs ?? 5_000 }),
    });
    this.index = this.client.index<SearchDocument>(this.name);
    this.termsOf = createTermExtractor(options.vocabulary);
    this.expand = createSynonymExpander(options.vocabulary);
    const cachedTerms = options.cachedTerms ?? 2_000;
    this.cache = cachedTerms > 0 ? new TermEvidenceCache(cachedTerms) : null;
  }

  async applySettings(): Promise<{ created: boolean }> {
    return this.write('apply the search settings', async () => {
      const created = !(await this.exists()) && (await this.create());
      this.succeeded(await this.index.updateSettings(indexSettings(this.options.vocabulary)).waitTask(this.waitOptions()));
      if (this.options.indexName === undefined) await this.dropEarlierIndexes();
      return { created };
    });
  }

  async upsert(variants: ArticleVariant[]): Promise<void> {
    if (variants.length === 0) return;
    await this.write('index articles', async () => {
      this.succeeded(await this.index.addDocuments(variants.map((variant) => toSearchDocument(variant, this.expand)), { primaryKey: 'uid' }).waitTask(this.waitOptions()));
    });
  }

  async remove(uids: string[]): Promise<void> {
    if (uids.length === 0) return;
    await this.write('remove articles from the index', async () => {
      this.succeeded(await this.index.deleteDocuments(uids).waitTask(this.waitOptions()));
    });
  }

  async query(text: string, options: { language: Language; matchesPerTerm: number }): Promise<QueryEvidence> {
    const terms = this.termsOf(text);
    if (terms.length === 0) return { documents: 0, terms: [] };
    const scope = { indexUid: this.name, locale: LOCALE_OF[options.language] };
    const source: EvidenceSource = {
      version: () => this.version(),
      lookUp: (missing, count) => this.lookUp(scope, missing, count, options.matchesPerTerm),
      keyOf: (term) => `${scope.locale}:${options.matchesPerTerm}:${term}`,
    };
    return this.call('search the knowledge base', async () => {
      if (this.cache) return rememberedEvidence(terms, this.cache, source);
      const found = await source.lookUp(terms, true);
      return { documents: found.documents ?? 0, terms: found.terms };
    });
  }

  /** The index's last change: any indexing or settings task moves it. */
  private async version(): Promise<string> {
    if (this.options.soleWriter && this.ownVersionHolds) return `own:${this.ownVersion}`;
    const info = await this.index.getRawInfo();
    return String(info.updatedAt);
  }

  // Searches that overlap a write may see the index half-changed; the second step drops what they remembered.
  private async write<T>(what: string, work: () => Promise<T>): Promise<T> {
    this.ownVersion += 1;
    try {
      const result = await this.call(what, work);
      // Meilisearch runs tasks in order, so this one succeeding means every earlier one has finished too.
      this.ownVersionHolds = true;
      return result;
    } catch (error) {
      this.ownVersionHolds = false;
      throw error;
    } finally {
      this.ownVersion += 1;
    }
  }

  // One multi-search: the document count when asked for, and each term on its own.
  private async lookUp(scope: LookupScope, terms: string[], count: boolean, matches: number): Promise<Lookup> {
    if (terms.length === 0 && !count) return { terms: [] };
    const queries = [...(count ? [countQuery(scope)] : []), ...terms.map((term) => termQuery(scope, term, matches))];
    const { results } = await this.client.multiSearch<MultiSearchParams, RankedDocument>({ queries });
    const offset = count ? 1 : 0;
    return {
      ...(count ? { documents: results[0]?.estimatedTotalHits ?? 0 } : {}),
      terms: terms.map((term, i) => termEvidence(term, results[i + offset])),
    };
  }

  // Asked first: creating an index that exists works, but Meilisearch logs the failed task as an error.
  private async exists(): Promise<boolean> {
    try {
      await this.index.getRawInfo();
      return true;
    } catch (error) {
      if (meilisearchAnswer(error)?.cause?.code === 'index_not_found') return false;
      throw error;
    }
  }

  // False when another process created it first.
  private async create(): Promise<boolean> {
    // Explicit primary key: Meilisearch cannot infer one from a document holding both `uid` and `id`.
    const creation = await this.client.createIndex(this.name, { primaryKey: 'uid' }).waitTask(this.waitOptions());
    if (creation.error?.code === 'index_already_exists') return false;
    this.succeeded(creation);
    return true;
  }

  // What a previous vocabulary or document shape was written into: Mesa rebuilds it under the new name.
  private async dropEarlierIndexes(): Promise<void> {
    const { results } = await this.client.getRawIndexes({ limit: 1000 });
    for (const { uid } of results.filter((index) => isEarlierArticleIndex(index.uid, this.name))) {
      this.succeeded(await this.client.deleteIndex(uid).waitTask(this.waitOptions()));
    }
  }

  private waitOptions() {
    return { timeout: this.taskTimeoutMs, interval: 25 };
  }

  private succeeded(task: Task): void {
    if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error given'}`);
  }

  private async call<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const answer = meilisearchAnswer(error);
      const detail = answer ? `${answer.cause?.code ?? answer.response.status}: ${answer.message}` : (error as Error).message;
      throw new SearchUnavailableError(`Could not ${what}: ${detail}`, error);
    }
  }
}
