import type { ArticleIndex, QueryEvidence } from '../../../kb/search/article-index.js';
import { createArticleSearch } from '../../../kb/search/article-search.js';
import { SearchUnavailableError } from '../../../kb/search/search-errors.js';

// An index that answers with fixed evidence and remembers what it was asked.
function fakeIndex(answer: QueryEvidence | Error): ArticleIndex & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    applySettings: async () => ({ created: false }),
    upsert: async () => undefined,
    remove: async () => undefined,
    async query(text) {
      asked.push(text);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

const printers: QueryEvidence = {
  documents: 100,
  terms: [
    {
      term: 'printer',
      documents: 8,
      matches: [
        { id: 'printer-not-printing', language: 'en', title: 'The printer is not printing', field: 'title', typos: 0 },
        { id: 'printer-not-printing', language: 'es', title: 'La impresora no imprime', field: 'title', typos: 0 },
        { id: 'printer-paper-jam', language: 'en', title: 'Paper is stuck in the printer', field: 'title', typos: 0 },
        { id: 'add-network-printer', language: 'en', title: 'Add an office printer', field: 'tags', typos: 0 },
      ],
    },
  ],
};

describe('article search', () => {
  it('offers each article once, best first, in the user’s language, up to the limit', async () => {
    const search = createArticleSearch({ index: fakeIndex(printers) });
    const hits = await search.search('printer', { language: 'es', limit: 2 });
    expect(hits.map(({ id, language }) => `${id}/${language}`)).toEqual(['printer-not-printing/es', 'printer-paper-jam/en']);
    expect(hits[0]).toMatchObject({ title: 'La impresora no imprime' });
    expect(hits[0]!.score).toBeGreaterThan(0);
  });

  it('finds nothing, without asking the index, in an empty or invisible query', async () => {
    const index = fakeIndex(printers);
    const search = createArticleSearch({ index });
    for (const query of ['', '   ', '\u0000\u0007\n\t', '\u200b']) expect(await search.search(query, { language: 'en', limit: 3 })).toEqual([]);
    expect(await search.search('printer', { language: 'en', limit: 0 })).toEqual([]);
    expect(index.asked).toEqual([]);
  });

  it('hands the index a normalized, capped query', async () => {
    const index = fakeIndex(printers);
    await createArticleSearch({ index }).search(`  printer\u0000${' jam'.repeat(2000)}`, { language: 'en', limit: 3 });
    expect(index.asked[0]!.startsWith('printer jam jam')).toBe(true);
    expect(index.asked[0]!.length).toBeLessThanOrEqual(500);
  });

  it('offers nothing when the best match explains too little of the request', async () => {
    const offTopic: QueryEvidence = {
      documents: 100,
      terms: [
        { term: 'printer', documents: 8, matches: printers.terms[0]!.matches },
        ...['ink', 'cartridges', 'cheap', 'buy'].map((term) => ({ term, documents: 0, matches: [] })),
      ],
    };
    expect(await createArticleSearch({ index: fakeIndex(offTopic) }).search('cheap ink cartridges printer', { language: 'en', limit: 3 })).toEqual([]);
  });

  it('lets search_unavailable through for the bot to apologise', async () => {
    const search = createArticleSearch({ index: fakeIndex(new SearchUnavailableError('Could not search', new Error('ECONNREFUSED'))) });
    await expect(search.search('printer', { language: 'en', limit: 3 })).rejects.toMatchObject({ code: 'search_unavailable' });
  });
});
