import type { Language } from '../../../bot/core/language.js';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import type { ArticleContent } from '../../../kb/articles/article.js';
import type { ArticleRepository } from '../../../kb/articles/article-repository.js';
import { SqliteArticleRepository } from '../../../kb/storage/sqlite-article-repository.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

interface Engine {
  name: string;
  open(dataDir: string): { repository: ArticleRepository; close(): void };
}

/** Every storage engine must pass the same suite; MongoDB joins this list when it lands. */
const engines: Engine[] = [
  {
    name: 'sqlite',
    open(dataDir) {
      const db = openDatabase(dataDir);
      return { repository: new SqliteArticleRepository(db), close: () => db.close() };
    },
  },
];

const at = new Date('2026-05-04T08:00:00Z');
const later = (minutes: number): Date => new Date(at.getTime() + minutes * 60_000);

function vpn(language: Language = 'es', overrides: Partial<ArticleContent> = {}): ArticleContent {
  return {
    id: 'vpn-cannot-connect',
    language,
    title: 'No puedo conectarme a la VPN',
    body: 'La VPN no conecta.\n\n1. Comprueba tu conexión a internet.\n2. Reinicia GlobalProtect.\n',
    category: 'network',
    tags: ['vpn', 'remoto'],
    ...overrides,
  };
}

describe.each(engines)('ArticleRepository on $name', (engine) => {
  let dataDir: string;
  let store: { repository: ArticleRepository; close(): void };
  let articles: ArticleRepository;

  beforeEach(() => {
    dataDir = freshDataDir('mesa-articles-');
    store = engine.open(dataDir);
    articles = store.repository;
  });

  afterEach(() => store.close());

  /** Drains the outbox the way the index sync does, returning what was queued. */
  async function drainOutbox(): Promise<string[]> {
    const changes = await articles.pendingIndexChanges(1000);
    await articles.markIndexed(changes.map((change) => change.seq));
    return changes.map((change) => `${change.id}/${change.language}`);
  }

  it('creates a variant with the steps of its first ordered list, and saving the same content again changes nothing', async () => {
    expect(await articles.saveVariant(vpn(), { author: 'ana', status: 'published', at })).toEqual({ outcome: 'created', version: 1 });
    expect(await articles.findVariant('vpn-cannot-connect', 'es')).toEqual({
      ...vpn(),
      steps: ['Comprueba tu conexión a internet.', 'Reinicia GlobalProtect.'],
      status: 'published',
      version: 1,
      updatedAt: at,
      updatedBy: 'ana',
    });
    await drainOutbox();

    // A second import of the same folder, by someone else, later: no version, no author change, nothing to index.
    expect(await articles.saveVariant(vpn(), { author: 'bruno', status: 'published', at: later(5) })).toEqual({ outcome: 'unchanged', version: 1 });
    expect(await articles.findVariant('vpn-cannot-connect', 'es')).toMatchObject({ version: 1, updatedAt: at, updatedBy: 'ana' });
    expect(await articles.history('vpn-cannot-connect', 'es')).toHaveLength(1);
    expect(await articles.pendingIndexChanges(10)).toEqual([]);
  });

  it('revises on any change of title, body, category, tags or status, one version each, history newest first', async () => {
    await articles.saveVariant(vpn(), { author: 'ana', status: 'published', at });
    const edits: Array<[Partial<ArticleContent>, 'published' | 'draft']> = [
      [{ title: 'La VPN no conecta' }, 'published'],
      [{ title: 'La VPN no conecta', body: '1. Reinicia el portátil.' }, 'published'],
      [{ title: 'La VPN no conecta', body: '1. Reinicia el portátil.', category: 'remote' }, 'published'],
      [{ title: 'La VPN no conecta', body: '1. Reinicia el portátil.', category: 'remote', tags: ['vpn'] }, 'published'],
      // The same text saved by a knowledge manager becomes a draft: the status is part of what a save changes.
      [{ title: 'La VPN no conecta', body: '1. Reinicia el portátil.', category: 'remote', tags: ['vpn'] }, 'draft'],
    ];
    for (const [index, [edit, status]] of edits.entries()) {
      expect(await articles.saveVariant(vpn('es', edit), { author: `editor-${index}`, status, at: later(index + 1) })).toEqual({ outcome: 'updated', version: index + 2 });
    }
    expect(await articles.findVariant('vpn-cannot-connect', 'es')).toMatchObject({ title: 'La VPN no conecta', steps: ['Reinicia el portátil.'], tags: ['vpn'], status: 'draft', version: 6 });
    const history = await articles.history('vpn-cannot-connect', 'es');
    expect(history.map((version) => [version.version, version.status, version.author])).toEqual([
      [6, 'draft', 'editor-4'],
      [5, 'published', 'editor-3'],
      [4, 'published', 'editor-2'],
      [3, 'published', 'editor-1'],
      [2, 'published', 'editor-0'],
      [1, 'published', 'ana'],
    ]);
    expect(history.at(-1)).toMatchObject({ ...vpn(), createdAt: at });
    expect(history[0]).toMatchObject({ category: 'remote', tags: ['vpn'], createdAt: later(5) });
  });

  it('moves a variant through the workflow, each move a version by its author, and refuses variants that do not exist', async () => {
    await articles.saveVariant(vpn(), { author: 'ana', status: 'draft', at });
    expect(await articles.setStatus('vpn-cannot-connect', 'es', 'in_review', { author: 'ana', at: later(1) })).toMatchObject({ status: 'in_review', version: 2, updatedBy: 'ana', updatedAt: later(1) });
    expect(await articles.setStatus('vpn-cannot-connect', 'es', 'published', { author: 'carla', at: later(2) })).toMatchObject({ status: 'published', version: 3, updatedBy: 'carla' });
    expect(await articles.setStatus('vpn-cannot-connect', 'es', 'retired', { author: 'carla', at: later(3) })).toMatchObject({ ...vpn(), status: 'retired', version: 4 });
    expect((await articles.history('vpn-cannot-connect', 'es')).map((version) => [version.status, version.author])).toEqual([
      ['retired', 'carla'],
      ['published', 'carla'],
      ['in_review', 'ana'],
      ['draft', 'ana'],
    ]);
    await drainOutbox();

    expect(await articles.setStatus('vpn-cannot-connect', 'en', 'published', { author: 'carla', at: later(4) })).toBeNull();
    expect(await articles.setStatus('no-such-article', 'es', 'published', { author: 'carla', at: later(4) })).toBeNull();
    expect(await articles.findVariant('vpn-cannot-connect', 'en')).toBeNull();
    expect(await articles.history('vpn-cannot-connect', 'en')).toEqual([]);
    expect(await articles.pendingIndexChanges(10)).toEqual([]);
  });

  it('lists an article’s languages, and every variant by status and language', async () => {
    await articles.saveVariant(vpn('es'), { author: 'ana', status: 'published', at });
    await articles.saveVariant(vpn('en', { title: 'I cannot connect to the VPN' }), { author: 'ana', status: 'draft', at });
    await articles.saveVariant(vpn('pt', { title: 'Não consigo ligar à VPN' }), { author: 'ana', status: 'published', at });
    await articles.saveVariant(vpn('es', { id: 'printer-offline', title: 'La impresora no imprime' }), { author: 'ana', status: 'retired', at });
    const keys = (variants: Array<{ id: string; language: Language }>) => variants.map((variant) => `${variant.id}/${variant.language}`).sort();

    expect(keys(await articles.variantsOf('vpn-cannot-connect'))).toEqual(['vpn-cannot-connect/en', 'vpn-cannot-connect/es', 'vpn-cannot-connect/pt']);
    expect(await articles.variantsOf('no-such-article')).toEqual([]);
    expect(keys(await articles.listVariants())).toEqual(['printer-offline/es', 'vpn-cannot-connect/en', 'vpn-cannot-connect/es', 'vpn-cannot-connect/pt']);
    expect(keys(await articles.listVariants({}))).toHaveLength(4);
    expect(keys(await articles.listVariants({ status: 'published' }))).toEqual(['vpn-cannot-connect/es', 'vpn-cannot-connect/pt']);
    expect(keys(await articles.listVariants({ language: 'es' }))).toEqual(['printer-offline/es', 'vpn-cannot-connect/es']);
    expect(keys(await articles.listVariants({ status: 'published', language: 'es' }))).toEqual(['vpn-cannot-connect/es']);
    expect(await articles.listVariants({ status: 'in_review' })).toEqual([]);
  });

  it('queues every change for the index with the change itself, oldest first, until it is marked indexed', async () => {
    await articles.saveVariant(vpn('es'), { author: 'ana', status: 'published', at });
    await articles.saveVariant(vpn('en'), { author: 'ana', status: 'draft', at });
    await articles.setStatus('vpn-cannot-connect', 'en', 'published', { author: 'ana', at: later(1) });
    const queued = await articles.pendingIndexChanges(10);
    expect(queued.map((change) => `${change.id}/${change.language}`)).toEqual(['vpn-cannot-connect/es', 'vpn-cannot-connect/en', 'vpn-cannot-connect/en']);
    expect(queued.map((change) => change.seq)).toEqual([...queued.map((change) => change.seq)].sort((a, b) => a - b));
    expect(new Set(queued.map((change) => change.seq)).size).toBe(3);

    // A batch of two is indexed while an editor saves again: the new change stays queued.
    const batch = await articles.pendingIndexChanges(2);
    expect(batch).toEqual(queued.slice(0, 2));
    await articles.saveVariant(vpn('es', { title: 'La VPN no conecta' }), { author: 'ana', status: 'published', at: later(2) });
    await articles.markIndexed(batch.map((change) => change.seq));
    expect((await articles.pendingIndexChanges(10)).map((change) => `${change.id}/${change.language}`)).toEqual(['vpn-cannot-connect/en', 'vpn-cannot-connect/es']);
    await articles.markIndexed([]);
    expect(await drainOutbox()).toHaveLength(2);
    expect(await articles.pendingIndexChanges(10)).toEqual([]);
  });

  it('requeues every variant for a rebuilt index, whatever its status', async () => {
    expect(await articles.requeueAll()).toBe(0);
    await articles.saveVariant(vpn('es'), { author: 'ana', status: 'published', at });
    await articles.saveVariant(vpn('en'), { author: 'ana', status: 'retired', at });
    await drainOutbox();
    expect(await articles.requeueAll()).toBe(2);
    expect((await drainOutbox()).sort()).toEqual(['vpn-cannot-connect/en', 'vpn-cannot-connect/es']);
  });

  it('keeps articles, history and the queued index changes across a reopen of the database', async () => {
    await articles.saveVariant(vpn(), { author: 'ana', status: 'draft', at });
    await articles.setStatus('vpn-cannot-connect', 'es', 'published', { author: 'carla', at: later(1) });
    const before = { variant: await articles.findVariant('vpn-cannot-connect', 'es'), history: await articles.history('vpn-cannot-connect', 'es'), queued: await articles.pendingIndexChanges(10) };
    store.close();
    store = engine.open(dataDir);
    articles = store.repository;
    expect({ variant: await articles.findVariant('vpn-cannot-connect', 'es'), history: await articles.history('vpn-cannot-connect', 'es'), queued: await articles.pendingIndexChanges(10) }).toEqual(before);
    expect(await articles.saveVariant(vpn(), { author: 'ana', status: 'published', at: later(2) })).toEqual({ outcome: 'unchanged', version: 2 });
  });
});
