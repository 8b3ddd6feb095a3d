import { pino } from 'pino';
import type { ArticleVariant } from '../../../kb/articles/article.js';
import { startManagedMeilisearch, type ManagedMeilisearch } from '../../../kb/search/managed-meilisearch.js';
import { MeiliArticleIndex } from '../../../kb/search/meili-article-index.js';
import { loadVocabulary } from '../../../kb/search/vocabulary.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

const at = new Date('2026-11-23T10:00:00Z');

function variant(i: number, device: string): ArticleVariant {
  const title = `The ${device} on floor ${i} does not answer`;
  return { id: `${device}-floor-${i}`, language: 'en', title, body: `${title}.\n\n1. Restart it.\n`, category: 'printing', tags: [device], steps: ['Restart it.'], status: 'published', version: 1, updatedAt: at, updatedBy: 'test' };
}

/*
 * The scoring weighs a word by how many variants hold it. Meilisearch stops counting a search's hits at
 * `maxTotalHits` (1,000 by default): past that, a word in every variant and a word in a tenth of them
 * looked alike, and so did the size of the knowledge base.
 */
describe('how common a word is, in a knowledge base of more than 1,000 variants', () => {
  const dataDir = freshDataDir('mesa-kb-counts-');
  let server: ManagedMeilisearch;
  let index: MeiliArticleIndex;

  beforeAll(async () => {
    server = await startManagedMeilisearch({ dataDir, logger: pino({ level: 'silent' }) });
    index = new MeiliArticleIndex({ url: server.url, masterKey: server.masterKey, vocabulary: loadVocabulary(), taskTimeoutMs: 120_000 });
    await index.applySettings();
    const printers = Array.from({ length: 1150 }, (_, i) => variant(i, 'printer'));
    const scanners = Array.from({ length: 50 }, (_, i) => variant(i, 'scanner'));
    await index.upsert([...printers, ...scanners]);
  }, 120_000);

  afterAll(async () => {
    await server.stop();
  });

  it('is counted over every variant, and so is the knowledge base', async () => {
    const evidence = await index.query('printer scanner', { language: 'en', matchesPerTerm: 30 });
    expect(evidence.documents).toBe(1200);
    expect(evidence.terms.map(({ term, documents }) => ({ term, documents }))).toEqual([
      { term: 'printer', documents: 1150 },
      { term: 'scanner', documents: 50 },
    ]);
  });

  it('keeps only the best matches of a word, titles first', async () => {
    const [printer] = (await index.query('printer', { language: 'en', matchesPerTerm: 30 })).terms;
    expect(printer!.matches).toHaveLength(30);
    expect(new Set(printer!.matches.map((match) => match.field))).toEqual(new Set(['title']));
  });
});
