import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Language } from '../../../bot/core/language.js';
import { projectRoot } from '../../../bot/paths.js';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { importDirectory } from '../../../kb/import/import-directory.js';
import { createArticleSearch, type ArticleHit, type ArticleSearch } from '../../../kb/search/article-search.js';
import { IndexSync } from '../../../kb/search/index-sync.js';
import { startManagedMeilisearch, type ManagedMeilisearch } from '../../../kb/search/managed-meilisearch.js';
import { MeiliArticleIndex } from '../../../kb/search/meili-article-index.js';
import { loadVocabulary } from '../../../kb/search/vocabulary.js';
import { SqliteArticleRepository } from '../../../kb/storage/sqlite-article-repository.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

interface EvalQuery {
  query: string;
  lang: Language;
  expected: string | null;
  kind: string;
}

interface Tally {
  answerable: number;
  top1: number;
  top3: number;
  offTopic: number;
  falseOffers: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

// The numbers this suite guards, a little below what was measured so a regression fails and noise does not.
const TARGETS = { top1: 0.93, top3: 0.98, falseOffers: 0.1 };

describe('knowledge-base search quality on the starter KB', () => {
  const root = projectRoot();
  const queries = JSON.parse(readFileSync(join(root, 'test/fixtures/kb/eval-queries.json'), 'utf8')) as EvalQuery[];
  const dataDir = freshDataDir('mesa-kb-quality-');
  const logger = pino({ level: 'silent' });
  const tallies = new Map<string, Tally>();
  const latencies: number[] = [];
  const answers: ArticleHit[][] = [];
  let server: ManagedMeilisearch;
  let search: ArticleSearch;

  function count(keys: string[], update: (tally: Tally) => void): void {
    for (const key of keys) {
      const tally = tallies.get(key) ?? { answerable: 0, top1: 0, top3: 0, offTopic: 0, falseOffers: 0 };
      update(tally);
      tallies.set(key, tally);
    }
  }

  beforeAll(async () => {
    server = await startManagedMeilisearch({ dataDir, logger });
    const repository = new SqliteArticleRepository(openDatabase(dataDir));
    const index = new MeiliArticleIndex({ url: server.url, masterKey: server.masterKey, vocabulary: loadVocabulary() });
    await index.applySettings();
    const report = await importDirectory(join(root, 'kb/starter'), repository, { author: 'eval', at: new Date('2026-11-23T10:00:00Z') });
    expect(report.failed).toEqual([]);
    await new IndexSync({ repository, index, logger }).syncNow();

    search = createArticleSearch({ index });
    for (const query of queries) {
      const started = performance.now();
      const hits: ArticleHit[] = await search.search(query.query, { language: query.lang, limit: 3 });
      latencies.push(performance.now() - started);
      answers.push(hits);
      const keys = ['all', `kind ${query.kind}`, `lang ${query.lang}`];
      if (query.expected === null) {
        count(keys, (tally) => {
          tally.offTopic += 1;
          if (hits.length > 0) tally.falseOffers += 1;
        });
      } else {
        const rank = hits.findIndex((hit) => hit.id === query.expected);
        count(keys, (tally) => {
          tally.answerable += 1;
          if (rank === 0) tally.top1 += 1;
          if (rank >= 0 && rank < 3) tally.top3 += 1;
        });
      }
    }
    latencies.sort((a, b) => a - b);
    const rows = [...tallies].sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b))).map(([key, t]) => `${key.padEnd(22)} top-1 ${percent(t.top1, t.answerable).padStart(6)}  top-3 ${percent(t.top3, t.answerable).padStart(6)}  (${t.answerable})   false offers ${percent(t.falseOffers, t.offTopic).padStart(6)}  (${t.offTopic})`);
    const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))]!.toFixed(1);
    // The figures are the point of this suite: print them for the README and the review.
    console.log(`Search quality over ${queries.length} queries\n${rows.join('\n')}\nlatency per search: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  });

  afterAll(async () => {
    await server.stop();
  });

  it('evaluates queries of every kind in every language', () => {
    expect(queries.length).toBeGreaterThan(400);
    for (const kind of ['paraphrase', 'typo', 'colloquial', 'cross-language', 'off-topic']) expect(tallies.has(`kind ${kind}`)).toBe(true);
    for (const language of ['en', 'es', 'pt', 'it']) expect(tallies.has(`lang ${language}`)).toBe(true);
  });

  it('puts the right article first', () => {
    const all = tallies.get('all')!;
    expect(all.top1 / all.answerable).toBeGreaterThanOrEqual(TARGETS.top1);
  });

  it('offers the right article among the first three', () => {
    const all = tallies.get('all')!;
    expect(all.top3 / all.answerable).toBeGreaterThanOrEqual(TARGETS.top3);
  });

  it('offers nothing for requests the knowledge base does not cover', () => {
    const all = tallies.get('all')!;
    expect(all.falseOffers / all.offTopic).toBeLessThanOrEqual(TARGETS.falseOffers);
  });

  // Search remembers term lookups until the index changes; remembering must not change a single answer.
  it('answers every question asked again exactly as the first time, and as a search that remembers nothing', async () => {
    const forgetful = createArticleSearch({ index: new MeiliArticleIndex({ url: server.url, masterKey: server.masterKey, vocabulary: loadVocabulary(), cachedTerms: 0 }) });
    for (const [i, query] of queries.entries()) {
      const asked = { language: query.lang, limit: 3 };
      expect({ query: query.query, hits: await search.search(query.query, asked) }).toEqual({ query: query.query, hits: answers[i] });
      expect({ query: query.query, hits: await forgetful.search(query.query, asked) }).toEqual({ query: query.query, hits: answers[i] });
    }
  });
});
