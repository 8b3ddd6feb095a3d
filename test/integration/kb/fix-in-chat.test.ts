import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../../bot/core/language.js';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { SqliteInsightsRepository } from '../../../kb/storage/sqlite-insights-repository.js';
import type { Translate } from '../../../bot/i18n/translator.js';
import { ChatSession, type ChatMessage } from '../../helpers/chat-client.js';
import { expectedTexts } from '../../helpers/expected-text.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';

let server: InProcessMesa;
let text: (language: Language) => Translate;

beforeAll(async () => {
  server = await startInProcess({ MESA_STARTER_KB: 'on', MESA_CHAT_RATE_LIMIT: '1000' });
  text = await expectedTexts();
}, 60_000);

afterAll(async () => {
  await server.stop();
});

async function press(chat: ChatSession, actionId: string, replies = 1): Promise<ChatMessage[]> {
  chat.cursor = await chat.press(actionId);
  return chat.botReplies(replies);
}

function meilisearchPid(): number {
  return (JSON.parse(readFileSync(join(server.dataDir, 'meilisearch', 'endpoint.json'), 'utf8')) as { pid: number }).pid;
}

describe('fixing a problem with a knowledge-base article, in the chat', () => {
  it('offers the right article, walks it step by step, and "that fixed it" closes the loop with a vote', async () => {
    const chat = await ChatSession.create(server.url, { locale: 'es' });
    const offer = await chat.ask('la impresora no imprime nada');
    expect(offer.text).toBe(text('es')('bot:kb.offer'));
    expect(offer.articles?.[0]).toMatchObject({ id: 'printer-not-printing', language: 'es' });

    const [intro, firstStep] = await press(chat, 'kbfix.open.es.printer-not-printing', 2);
    expect(intro!.text).toContain('«');
    expect(firstStep!.text).toMatch(/^Paso 1 de \d+: /);
    expect(firstStep!.actions?.map((action) => action.id)).toEqual(['kbfix.next', 'kbfix.fixed', 'kbfix.not_fixed', 'intent.human']);

    const [second] = await press(chat, 'kbfix.next');
    expect(second!.text).toMatch(/^Paso 2 de \d+: /);
    const [fixed] = await press(chat, 'kbfix.fixed');
    expect(fixed!.text).toBe(text('es')('bot:kb.fixed'));
    const [thanks] = await press(chat, 'kbfix.helpful');
    expect(thanks!.text).toBe(text('es')('bot:kb.vote_thanks'));

    const { variants } = await articleMetrics('printer-not-printing');
    expect(variants).toMatchObject({ offered: 1, opened: 1, solved: 1, helpful: 1 });
  });

  it('"that didn\'t help" records it and hands over to a person', async () => {
    const chat = await ChatSession.create(server.url, { locale: 'en' });
    const offer = await chat.ask('my laptop is super slow since this morning');
    const id = offer.articles?.[0]?.id;
    expect(id).toBe('laptop-slow');
    await press(chat, `kbfix.open.en.${id}`, 2);
    chat.cursor = await chat.press('kbfix.not_fixed');
    const replies = await chat.botReplies(2);
    // The problem and the article are known: the way to a person asks only who is affected.
    expect(replies.map((reply) => reply.text)).toEqual([text('en')('bot:kb.not_fixed'), `${text('en')('bot:escalate.intro.kb_not_fixed')} ${text('en')('bot:escalate.ask_impact')}`]);
    expect((await articleMetrics('laptop-slow')).variants.not_solved).toBe(1);
  });

  it('says honestly when nothing fits, and the question lands in the gaps report data', async () => {
    const chat = await ChatSession.create(server.url, { locale: 'it' });
    const question = 'il distributore del caffè al terzo piano ha un problema con le monete';
    chat.cursor = await chat.say(question);
    const [reply, next] = await chat.botReplies(2);
    expect(reply!.articles ?? []).toEqual([]);
    expect(reply!.text).toBe(text('it')('bot:kb.nothing_found'));
    // No junk offered: the way to a person starts at once, asking only who is affected (the problem is known).
    expect(next!.text).toBe(`${text('it')('bot:escalate.intro.kb_nothing_found')} ${text('it')('bot:escalate.ask_impact')}`);
    const gaps = await withInsights((insights) => insights.gaps({ language: 'it', limit: 10 }));
    expect(gaps.flatMap((gap) => gap.examples)).toContain(question);
  });

  it('when search is down the bot apologises and offers a person; it works again when search is back', async () => {
    const chat = await ChatSession.create(server.url, { locale: 'pt' });
    const pid = meilisearchPid();
    process.kill(pid, 'SIGSTOP');
    try {
      const reply = await chat.ask('o wifi do escritório não conecta');
      expect(reply.text).toBe(text('pt')('bot:kb.search_down'));
      expect(reply.actions?.map((action) => action.id)).toContain('kbfix.human');
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const again = await chat.ask('o wifi do escritório não conecta');
    expect(again.articles?.[0]?.id).toBe('wifi-cannot-connect');
  }, 30_000);

  it('when the bundled Meilisearch dies (kill -9), Mesa starts it again and search comes back by itself', async () => {
    const chat = await ChatSession.create(server.url, { locale: 'en' });
    const dead = meilisearchPid();
    process.kill(dead, 'SIGKILL');
    const reply = await chat.ask('the office wifi does not connect');
    expect(reply.text).toBe(text('en')('bot:kb.search_down'));
    // Polling a condition with a deadline: the restart takes as long as Meilisearch needs to open its data.
    const deadline = Date.now() + 30_000;
    const statuses: number[] = [];
    const restarted = (): boolean => existsSync(join(server.dataDir, 'meilisearch', 'endpoint.json')) && meilisearchPid() !== dead;
    while (Date.now() < deadline && (statuses.at(-1) !== 200 || !restarted())) {
      statuses.push((await fetch(`${server.url}/api/kb/search?q=wifi&lang=en`)).status);
    }
    expect(statuses[0]).toBe(503);
    expect(statuses.at(-1)).toBe(200);
    expect(restarted()).toBe(true);
    const again = await chat.ask('the office wifi does not connect');
    expect(again.articles?.[0]?.id).toBe('wifi-cannot-connect');
  }, 60_000);
});

/** Reads the KB insights from the same DATA_DIR, as the console does. */
async function withInsights<T>(read: (insights: SqliteInsightsRepository) => Promise<T>): Promise<T> {
  const db = openDatabase(server.dataDir);
  try {
    return await read(new SqliteInsightsRepository(db));
  } finally {
    db.close();
  }
}

async function articleMetrics(id: string): Promise<{ variants: Record<string, number> }> {
  return { variants: await withInsights((insights) => insights.metrics(id)) };
}
