import { MatchingStrategies, Meilisearch, MeilisearchApiError, type Index, type MultiSearchParams, type Task } from 'meilisearch';
import type { Language } from '../../bot/core/language.js';
import type { ArticleVariant } from '../articles/article.js';
import type { ArticleIndex, MatchedField, QueryEvidence } from './article-index.js';
import { indexSettings, LOCALE_OF } from './index-settings.js';
import { createNodeHttpClient } from './node-http-client.js';
import { createTermExtractor, type TermExtractor } from './query-terms.js';
import { SEARCHED_FIELDS, toSearchDocument, type SearchDocument } from './search-document.js';
import { SearchUnavailableError } from './search-errors.js';
import type { Vocabulary } from './vocabulary.js';

export interface MeiliArticleIndexOptions {
  url: string;
  masterKey: string;
  vocabulary: Vocabulary;
  indexName?: string;
  /** Per HTTP request; a search that takes longer is treated as the server being unavailable. */
  requestTimeoutMs?: number;
  /** How long to wait for an indexing or settings task to finish. */
  taskTimeoutMs?: number;
}

interface RankedDocument extends Pick<SearchDocument, 'id' | 'language' | 'title'> {
  _rankingScoreDetails?: {
    typo?: { typoCount: number };
    attribute?: { attributeRankingOrderScore: number };
  };
}

// Meilisearch scores the searchable attributes 1, 0.75, 0.5, 0.25 in the order of SEARCHED_FIELDS.
function fieldOf(attributeRankingOrderScore: number | undefined): MatchedField {
  const position = Math.round((1 - (attributeRankingOrderScore ?? 0)) * SEARCHED_FIELDS.length);
  return SEARCHED_FIELDS[Math.min(Math.max(position, 0), SEARCHED_FIELDS.length - 1)]!;
}

/** The articles index on Meilisearch: every call to the server goes through here, failures become SearchUnavailableError. */
export class MeiliArticleIndex implements ArticleIndex {
  private readonly client: Meilisearch;
  private readonly index: Index<SearchDocument>;
  private readonly name: string;
  private readonly taskTimeoutMs: number;
  private readonly termsOf: TermExtractor;

  constructor(private readonly options: MeiliArticleIndexOptions) {
    this.name = options.indexName ?? 'mesa_articles';
    this.taskTimeoutMs = options.taskTimeoutMs ?? 30_000;
    this.client = new Meilisearch({
      host: options.url,
      apiKey: options.masterKey,
      httpClient: createNodeHttpClient({ timeoutMs: options.requestTimeoutMs ?? 5_000 }),
    });
    this.index = this.client.index<SearchDocument>(this.name);
    this.termsOf = createTermExtractor(options.vocabulary);
  }

  async applySettings(): Promise<{ created: boolean }> {
    return this.call('apply the search settings', async () => {
      // Explicit primary key: Meilisearch cannot infer one from a document holding both `uid` and `id`.
      const creation = await this.client.createIndex(this.name, { primaryKey: 'uid' }).waitTask(this.waitOptions());
      const created = creation.error?.code !== 'index_already_exists';
      if (created) this.succeeded(creation);
      this.succeeded(await this.index.updateSettings(indexSettings(this.options.vocabulary)).waitTask(this.waitOptions()));
      return { created };
    });
  }

  async upsert(variants: ArticleVariant[]): Promise<void> {
    if (variants.length === 0) return;
    await this.call('index articles', async () => {
      this.succeeded(await this.index.addDocuments(variants.map(toSearchDocument), { primaryKey: 'uid' }).waitTask(this.waitOptions()));
    });
  }

  async remove(uids: string[]): Promise<void> {
    if (uids.length === 0) return;
    await this.call('remove articles from the index', async () => {
      this.succeeded(await this.index.deleteDocuments(uids).waitTask(this.waitOptions()));
    });
  }

  async query(text: string, options: { language: Language; matchesPerTerm: number }): Promise<QueryEvidence> {
    const terms = this.termsOf(text);
    if (terms.length === 0) return { documents: 0, terms: [] };
    const common = { indexUid: this.name, filter: 'status = "published"', locales: [LOCALE_OF[options.language]] };
    const { results } = await this.call('search the knowledge base', () =>
      this.client.multiSearch<MultiSearchParams, RankedDocument>({
        queries: [
          // An empty query counts the documents, for how rare each term is.
          { ...common, q: '', limit: 0 },
          ...terms.map((term) => ({
            ...common,
            q: term,
            limit: options.matchesPerTerm,
            matchingStrategy: MatchingStrategies.ALL,
            attributesToRetrieve: ['id', 'language', 'title'],
            // Which field matched and with how many typos: what the scoring needs to weigh each match.
            showRankingScoreDetails: true,
          })),
        ],
      }),
    );
    return {
      documents: results[0]?.estimatedTotalHits ?? 0,
      terms: terms.map((term, i) => {
        const result = results[i + 1];
        return {
          term,
          documents: result?.estimatedTotalHits ?? 0,
          matches: (result?.hits ?? []).map((hit) => ({
            id: hit.id,
            language: hit.language,
            title: hit.title[hit.language] ?? '',
            field: fieldOf(hit._rankingScoreDetails?.attribute?.attributeRankingOrderScore),
            typos: hit._rankingScoreDetails?.typo?.typoCount ?? 0,
          })),
        };
      }),
    };
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
      // The client wraps what its HTTP client throws; Meilisearch's own answer is the useful part.
      const answer = [error, (error as Error).cause].find((candidate) => candidate instanceof MeilisearchApiError);
      const detail = answer ? `${answer.cause?.code ?? answer.response.status}: ${answer.message}` : (error as Error).message;
      throw new SearchUnavailableError(`Could not ${what}: ${detail}`, error);
    }
  }
}
