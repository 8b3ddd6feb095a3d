import type { KnowledgeEvent } from '../../../bot/core/knowledge-base.js';
import type { Language } from '../../../bot/core/language.js';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import type { InsightsRepository } from '../../../kb/insights/insights-repository.js';
import { SqliteInsightsRepository } from '../../../kb/storage/sqlite-insights-repository.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

interface Engine {
  name: string;
  open(dataDir: string): { repository: InsightsRepository; close(): void };
}

/** Every storage engine must pass the same suite; MongoDB joins this list when it lands. */
const engines: Engine[] = [
  {
    name: 'sqlite',
    open(dataDir) {
      const db = openDatabase(dataDir);
      return { repository: new SqliteInsightsRepository(db), close: () => db.close() };
    },
  },
];

const at = new Date('2026-05-04T08:00:00Z');
const later = (minutes: number): Date => new Date(at.getTime() + minutes * 60_000);
const none: Record<KnowledgeEvent, number> = { offered: 0, opened: 0, solved: 0, not_solved: 0, helpful: 0, not_helpful: 0 };

describe.each(engines)('InsightsRepository on $name', (engine) => {
  let dataDir: string;
  let store: { repository: InsightsRepository; close(): void };
  let insights: InsightsRepository;

  beforeEach(() => {
    dataDir = freshDataDir('mesa-insights-');
    store = engine.open(dataDir);
    insights = store.repository;
  });

  afterEach(() => store.close());

  const ask = (query: string, language: Language, minutes: number, conversationId = `conv-${minutes}`) => insights.recordGap(query, language, { conversationId, at: later(minutes) });

  it('counts each event per article, every counter present, events recorded at once all counted', async () => {
    expect(await insights.metrics('vpn-cannot-connect')).toEqual(none);
    const events: Array<[string, KnowledgeEvent]> = [
      ['vpn-cannot-connect', 'offered'],
      ['vpn-cannot-connect', 'offered'],
      ['vpn-cannot-connect', 'offered'],
      ['vpn-cannot-connect', 'opened'],
      ['vpn-cannot-connect', 'solved'],
      ['vpn-cannot-connect', 'not_helpful'],
      ['printer-offline', 'offered'],
      ['printer-offline', 'not_solved'],
    ];
    // The same turn records several events; they are all kept, whatever the engine does with parallel writes.
    await Promise.all(events.map(([article, event], index) => insights.recordEvent(article, event, { conversationId: `conv-${index % 3}`, at: later(index) })));
    expect(await insights.metrics('vpn-cannot-connect')).toEqual({ ...none, offered: 3, opened: 1, solved: 1, not_helpful: 1 });
    expect(await insights.metrics('printer-offline')).toEqual({ ...none, offered: 1, not_solved: 1 });
    expect(await insights.metrics('vpn')).toEqual(none);
  });

  it('groups unanswered questions that share their words, per language, most asked first', async () => {
    await ask('My printer is not printing', 'en', 1);
    await ask('printer printing', 'en', 2);
    await ask('PRINTING printer!', 'en', 3);
    await ask('Teams keeps crashing', 'en', 4);
    await ask('crashing, Teams keeps', 'en', 5);
    await ask('La impresora no imprime', 'es', 6);
    await ask('wifi', 'en', 7);

    const gaps = await insights.gaps({ limit: 10 });
    expect(gaps.map((gap) => [gap.language, gap.count])).toEqual([
      ['en', 3],
      ['en', 2],
      // Asked once each: the most recent first.
      ['en', 1],
      ['es', 1],
    ]);
    const [printer, teams] = gaps;
    expect(printer).toMatchObject({ key: 'printer printing', lastAskedAt: later(3) });
    expect([...printer!.examples].sort()).toEqual(['My printer is not printing', 'PRINTING printer!', 'printer printing']);
    expect(teams).toMatchObject({ key: 'crashing keeps teams', lastAskedAt: later(5) });
    expect(gaps[2]).toEqual({ key: 'wifi', language: 'en', count: 1, examples: ['wifi'], lastAskedAt: later(7) });
  });

  it('keeps a group’s examples few and distinct, and limits and filters the groups', async () => {
    for (let minute = 0; minute < 12; minute++) await ask(minute % 2 ? 'printer printing' : `printer printing ${'!'.repeat(minute)}`, 'en', minute);
    await ask('Stampante non stampa', 'it', 20);
    await ask('Stampante non stampa', 'it', 21);
    await ask('Outlook no abre', 'es', 22);

    const [printer] = await insights.gaps({ limit: 1 });
    expect(printer).toMatchObject({ key: 'printer printing', language: 'en', count: 12, lastAskedAt: later(11) });
    expect(printer!.examples.length).toBeGreaterThan(0);
    expect(printer!.examples.length).toBeLessThanOrEqual(5);
    expect(new Set(printer!.examples).size).toBe(printer!.examples.length);
    expect(printer!.examples.every((example) => example.startsWith('printer printing'))).toBe(true);

    expect(await insights.gaps({ limit: 2 })).toHaveLength(2);
    expect((await insights.gaps({ language: 'it', limit: 10 })).map((gap) => [gap.key, gap.count, gap.examples])).toEqual([['stampa stampante', 2, ['Stampante non stampa']]]);
    expect((await insights.gaps({ language: 'es', limit: 10 })).map((gap) => gap.key)).toEqual(['abre outlook']);
    expect(await insights.gaps({ language: 'pt', limit: 10 })).toEqual([]);
  });

  it('keeps counters and gaps across a reopen of the database', async () => {
    await insights.recordEvent('vpn-cannot-connect', 'helpful', { conversationId: 'c1', at });
    await ask('printer printing', 'en', 1);
    store.close();
    store = engine.open(dataDir);
    insights = store.repository;
    expect(await insights.metrics('vpn-cannot-connect')).toEqual({ ...none, helpful: 1 });
    expect((await insights.gaps({ limit: 10 })).map((gap) => [gap.key, gap.count])).toEqual([['printer printing', 1]]);
  });
});
