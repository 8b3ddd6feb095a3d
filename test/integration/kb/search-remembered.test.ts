import { pino } from 'pino';
import type { Language } from '../../../bot/core/language.js';
import type { ArticleVariant } from '../../../kb/articles/article.js';
import { createArticleSearch } from '../../../kb/search/article-search.js';
import { startManagedMeilisearch, type ManagedMeilisearch } from '../../../kb/search/managed-meilisearch.js';
import { MeiliArticleIndex } from '../../../kb/search/meili-article-index.js';
import { documentUid } from '../../../kb/search/search-document.js';
import { SearchUnavailableError } from '../../../kb/search/search-errors.js';
import { loadVocabulary } from '../../../kb/search/vocabulary.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

const at = new Date('2026-11-23T10:00:00Z');

function variant(id: string, language: Language, title: string, tags: string[], steps: string[]): ArticleVariant {
  const body = `${title}.\n\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}\n`;
  return { id, language, title, body, category: 'printing', tags, steps, status: 'published', version: 1, updatedAt: at, updatedBy: 'test' };
}

const paperJam = variant('printer-paper-jam', 'en', 'Paper is stuck in the printer', ['paper jam', 'printer'], ['Open the tray.', 'Pull the paper out gently.']);
const toner = variant('printer-toner-low', 'en', 'The printer says the toner is low', ['toner', 'printer', 'cartridge'], ['Shake the cartridge.', 'Order a new one.']);

/*
 * Search remembers term lookups between questions (a service desk hears the same words all day). What must
 * never show: an answer from before the index changed, whoever changed it, or an answer while Meilisearch
 * is down. `desk` is the Mesa that answers; `editor` writes to the same index as another process would (a
 * second Mesa instance on a shared Meilisearch).
 */
describe('questions asked again', () => {
  const dataDir = freshDataDir('mesa-kb-remembered-');
  const logger = pino({ level: 'silent' });
  const vocabulary = loadVocabulary();
  let server: ManagedMeilisearch;
  let desk: MeiliArticleIndex;
  let editor: MeiliArticleIndex;
  const ask = (query: string) => createArticleSearch({ index: desk }).search(query, { language: 'en', limit: 3 });
  const titles = async (query: string) => (await ask(query)).map((hit) => hit.title);

  beforeAll(async () => {
    server = await startManagedMeilisearch({ dataDir, logger });
    desk = new MeiliArticleIndex({ url: server.url, masterKey: server.masterKey, vocabulary });
    editor = new MeiliArticleIndex({ url: server.url, masterKey: server.masterKey, vocabulary });
    await desk.applySettings();
    await editor.upsert([paperJam, toner]);
  });

  afterAll(async () => {
    await server.stop();
  });

  it('get the same answer as the first time', async () => {
    const first = await ask('my printer has a paper jam');
    expect(first.map((hit) => hit.id)).toEqual(['printer-paper-jam']);
    expect(await ask('my printer has a paper jam')).toEqual(first);
    expect(await ask('paper jam in the printer again')).toEqual(first);
  });

  it('see an article edited by another process as soon as the edit is indexed', async () => {
    expect(await titles('printer paper jam')).toEqual(['Paper is stuck in the printer']);
    await editor.upsert([{ ...paperJam, title: 'A sheet is jammed in the printer', version: 2 }]);
    expect(await titles('printer paper jam')).toEqual(['A sheet is jammed in the printer']);
  });

  it('no longer find an article another process removed, and find one it published', async () => {
    expect(await titles('toner cartridge low')).toEqual(['The printer says the toner is low']);
    await editor.remove([documentUid('printer-toner-low', 'en')]);
    expect(await ask('toner cartridge low')).toEqual([]);

    await editor.upsert([variant('printer-toner-empty', 'en', 'The toner cartridge is empty', ['toner', 'cartridge'], ['Replace the cartridge.'])]);
    expect(await titles('toner cartridge low')).toEqual(['The toner cartridge is empty']);
  });

  it('are not answered from memory while Meilisearch is down, and are answered again once it is back', async () => {
    const before = await ask('printer paper jam');
    expect(before).not.toEqual([]);
    const { url } = server;
    await server.stop();
    await expect(ask('printer paper jam')).rejects.toBeInstanceOf(SearchUnavailableError);

    server = await startManagedMeilisearch({ dataDir, logger, port: Number(new URL(url).port) });
    expect(await ask('printer paper jam')).toEqual(before);
  });

  it('asked of the index\'s only writer (the bundled Meilisearch), follow its own edits at once and need Meilisearch only for new words', async () => {
    const sole = new MeiliArticleIndex({ url: server.url, masterKey: server.masterKey, vocabulary, soleWriter: true });
    const askSole = async (query: string) => (await createArticleSearch({ index: sole }).search(query, { language: 'en', limit: 3 })).map((hit) => hit.title);
    await sole.upsert([{ ...paperJam, title: 'Paper jam: open the tray', version: 3 }]);
    expect(await askSole('printer paper jam')).toEqual(['Paper jam: open the tray']);
    await sole.upsert([{ ...paperJam, title: 'Paper jam: pull the sheet out', version: 4 }]);
    expect(await askSole('printer paper jam')).toEqual(['Paper jam: pull the sheet out']);
    await sole.remove([documentUid('printer-paper-jam', 'en')]);
    expect(await askSole('printer paper jam')).toEqual([]);
    await sole.upsert([{ ...paperJam, title: 'Paper jam: pull the sheet out', version: 5 }]);
    expect(await askSole('printer paper jam')).toEqual(['Paper jam: pull the sheet out']);

    // Nothing can have changed the index while it is down, so what is remembered still holds; new words cannot be looked up.
    const { url } = server;
    await server.stop();
    try {
      expect(await askSole('paper jam in the printer')).toEqual(['Paper jam: pull the sheet out']);
      await expect(askSole('toner cartridge')).rejects.toBeInstanceOf(SearchUnavailableError);
    } finally {
      server = await startManagedMeilisearch({ dataDir, logger, port: Number(new URL(url).port) });
    }
    expect(await askSole('toner cartridge')).toEqual(['The toner cartridge is empty']);
  });
});
