import { pino } from 'pino';
import type { ArticleVariant } from '../../../kb/articles/article.js';
import type { ArticleIndex } from '../../../kb/search/article-index.js';
import { IndexSync } from '../../../kb/search/index-sync.js';
import { SearchUnavailableError } from '../../../kb/search/search-errors.js';
import { SqliteArticleRepository } from '../../../kb/storage/sqlite-article-repository.js';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

// An index kept in a Map; `down` makes every call fail like an unreachable server.
class MemoryIndex implements ArticleIndex {
  readonly documents = new Map<string, ArticleVariant>();
  down = false;
  inFlight = 0;
  mostInFlight = 0;

  async applySettings(): Promise<{ created: boolean }> {
    return { created: this.documents.size === 0 };
  }
  async upsert(variants: ArticleVariant[]): Promise<void> {
    this.fail();
    this.inFlight += 1;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    // A round trip to the server: long enough for a second sync to try to start meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    for (const variant of variants) this.documents.set(`${variant.id}__${variant.language}`, variant);
    this.inFlight -= 1;
  }
  async remove(uids: string[]): Promise<void> {
    this.fail();
    for (const uid of uids) this.documents.delete(uid);
  }
  async query(): Promise<never> {
    throw new Error('not used');
  }
  private fail(): void {
    if (this.down) throw new SearchUnavailableError('Could not index articles: connect ECONNREFUSED', new Error('ECONNREFUSED'));
  }
}

function capturingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { logger, lines };
}

async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('keeping the search index in step with the database', () => {
  const at = new Date('2026-11-23T10:00:00Z');
  const content = { id: 'vpn-cannot-connect', title: 'I cannot connect to the VPN', body: 'Symptom.\n\n1. Restart.\n2. Retry.', category: 'network', tags: ['vpn'] };
  let repository: SqliteArticleRepository;
  let index: MemoryIndex;

  beforeEach(() => {
    repository = new SqliteArticleRepository(openDatabase(freshDataDir('mesa-kb-sync-')));
    index = new MemoryIndex();
  });

  it('indexes published variants and empties the outbox', async () => {
    await repository.saveVariant({ ...content, language: 'en' }, { author: 'km', status: 'published', at });
    await repository.saveVariant({ ...content, language: 'es', title: 'No puedo conectarme a la VPN' }, { author: 'km', status: 'draft', at });
    const sync = new IndexSync({ repository, index, logger: capturingLogger().logger });
    expect(await sync.syncNow()).toBe(2);
    expect([...index.documents.keys()]).toEqual(['vpn-cannot-connect__en']);
    expect(await repository.pendingIndexChanges(10)).toEqual([]);
    expect(await sync.syncNow()).toBe(0);
  });

  it('removes a variant that is retired or sent back to draft', async () => {
    const sync = new IndexSync({ repository, index, logger: capturingLogger().logger });
    await repository.saveVariant({ ...content, language: 'en' }, { author: 'km', status: 'published', at });
    await sync.syncNow();
    await repository.setStatus(content.id, 'en', 'retired', { author: 'km', at });
    await sync.syncNow();
    expect(index.documents.size).toBe(0);
  });

  it('loses nothing while search is down, warns once, and catches up when it is back', async () => {
    const { logger, lines } = capturingLogger();
    const sync = new IndexSync({ repository, index, logger });
    index.down = true;
    await repository.saveVariant({ ...content, language: 'en' }, { author: 'km', status: 'published', at });
    await expect(sync.syncNow()).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(sync.syncNow()).rejects.toBeInstanceOf(SearchUnavailableError);
    expect(await repository.pendingIndexChanges(10)).toHaveLength(1);
    expect(lines.filter((line) => line.level === 40)).toHaveLength(1);

    index.down = false;
    expect(await sync.syncNow()).toBe(1);
    expect(index.documents.has('vpn-cannot-connect__en')).toBe(true);
    expect(lines.some((line) => /works again/.test(line.msg))).toBe(true);
  });

  it('picks up articles saved by another process while it runs', async () => {
    const sync = new IndexSync({ repository, index, logger: capturingLogger().logger, intervalMs: 20 });
    sync.start();
    await repository.saveVariant({ ...content, language: 'it', title: 'Non riesco a connettermi alla VPN' }, { author: 'cli', status: 'published', at });
    await eventually(() => index.documents.has('vpn-cannot-connect__it'));
    await sync.stop();
  });

  it('runs one sync at a time, and each call covers the changes made before it', async () => {
    const sync = new IndexSync({ repository, index, logger: capturingLogger().logger });
    await repository.saveVariant({ ...content, language: 'en' }, { author: 'km', status: 'published', at });
    const first = sync.syncNow();
    await repository.saveVariant({ ...content, language: 'es', title: 'No puedo conectarme a la VPN' }, { author: 'km', status: 'published', at });
    const second = sync.syncNow();
    expect((await first) + (await second)).toBe(2);
    expect(index.mostInFlight).toBe(1);
    expect([...index.documents.keys()].sort()).toEqual(['vpn-cannot-connect__en', 'vpn-cannot-connect__es']);
  });
});
