import { pino } from 'pino';
import type { ArticleVariant } from '../../../kb/articles/article.js';
import { createArticleSearch } from '../../../kb/search/article-search.js';
import { startManagedMeilisearch, type ManagedMeilisearch } from '../../../kb/search/managed-meilisearch.js';
import { MeiliArticleIndex } from '../../../kb/search/meili-article-index.js';
import { createSynonymExpander } from '../../../kb/search/synonym-expansion.js';
import { loadVocabulary, type Vocabulary } from '../../../kb/search/vocabulary.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

const vocabulary: Vocabulary = {
  stopWords: ['de', 'the'],
  synonyms: {
    laptop: ['portátil', 'notebook'],
    'portátil': ['laptop', 'notebook'],
    notebook: ['laptop', 'portátil'],
    inbox: ['caixa de entrada'],
    'caixa de entrada': ['inbox'],
    'wi-fi': ['wireless network'],
    'wireless network': ['wi-fi'],
  },
};

describe('synonyms written into the documents', () => {
  const expand = createSynonymExpander(vocabulary);

  it('are the synonyms of every vocabulary word and phrase in the text, whatever its case and accents', () => {
    expect(expand('Mi PORTATIL no arranca').split('. ').sort()).toEqual(['laptop', 'notebook']);
    expect(expand('A caixa de entrada está cheia')).toBe('inbox');
    expect(expand('No Wi-Fi at the desk')).toBe('wireless network');
  });

  it('do not join words across the end of a sentence, a step or a tag', () => {
    expect(expand('Turn off wireless.\nNetwork settings open')).toBe('');
    expect(expand('wireless\nnetwork')).toBe('');
  });

  it('are nothing for a text the vocabulary does not know', () => {
    expect(expand('The coffee machine is broken')).toBe('');
  });
});

describe('searching through synonyms on a real Meilisearch', () => {
  const dataDir = freshDataDir('mesa-kb-synonyms-');
  const logger = pino({ level: 'silent' });
  const at = new Date('2026-11-23T10:00:00Z');
  const slowLaptop: ArticleVariant = {
    id: 'laptop-slow', language: 'es', title: 'Mi portátil va muy lento', body: 'El equipo tarda en todo.\n\n1. Reinicia.\n', category: 'hardware',
    tags: ['lento'], steps: ['Reinicia.'], status: 'published', version: 1, updatedAt: at, updatedBy: 'test',
  };
  let server: ManagedMeilisearch;

  beforeAll(async () => {
    server = await startManagedMeilisearch({ dataDir, logger });
  });

  afterAll(async () => {
    await server.stop();
  });

  const indexWith = (words: Vocabulary) => new MeiliArticleIndex({ url: server.url, masterKey: server.masterKey, vocabulary: words });
  const ask = (index: MeiliArticleIndex, query: string) => createArticleSearch({ index }).search(query, { language: 'en', limit: 3 });

  it('find an article in another language through a synonym, even misspelt', async () => {
    const index = indexWith(loadVocabulary());
    await index.applySettings();
    await index.upsert([slowLaptop]);
    expect((await ask(index, 'my notebook is slow')).map((hit) => hit.id)).toEqual(['laptop-slow']);
    expect((await ask(index, 'my notebok is slow')).map((hit) => hit.id)).toEqual(['laptop-slow']);
  });

  it('start over in a new index when the vocabulary changes, and drop the old one', async () => {
    const before = indexWith(loadVocabulary());
    await before.applySettings();
    await before.upsert([slowLaptop]);
    expect(await ask(before, 'my lappy')).toEqual([]);

    const shipped = loadVocabulary();
    const added = ['lappy', 'portátil', 'laptop'];
    const synonyms = { ...shipped.synonyms };
    for (const term of added) synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...added.filter((other) => other !== term)])];
    const after = indexWith({ ...shipped, synonyms });
    // `created`: Mesa queues every published article for the new index (kb/start-knowledge-base.ts).
    expect(await after.applySettings()).toEqual({ created: true });
    await after.upsert([slowLaptop]);
    expect((await ask(after, 'my lappy')).map((hit) => hit.id)).toEqual(['laptop-slow']);
    await expect(ask(before, 'my laptop is slow')).rejects.toMatchObject({ code: 'search_unavailable' });
    expect(await after.applySettings()).toEqual({ created: false });
  });
});
