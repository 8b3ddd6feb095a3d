import { statSync } from 'node:fs';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { SqliteConversationRepository } from '../../../bot/storage/sqlite/sqlite-conversation-repository.js';
import { startWalCheckpointer } from '../../../bot/storage/sqlite/wal-checkpointer.js';
import { startUnusedConversationSweep } from '../../../bot/core/unused-conversation-sweep.js';
import { initialState } from '../../../bot/core/conversation-state.js';
import { createLogger } from '../../../bot/logger.js';
import { AddressedClient, loopbackAddress } from '../../helpers/from-address.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

// Issue 17, item 2: anyone could create web chat sessions without end, each a stored row kept forever.
describe('issue 17: creating web chat sessions is limited', () => {
  let mesa: InProcessMesa;
  const clients: AddressedClient[] = [];
  const client = (n: number): AddressedClient => (clients[n] ??= new AddressedClient(mesa.url, loopbackAddress(n)));

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_CHAT_SESSIONS_PER_ADDRESS: '20', MESA_CHAT_SESSIONS_PER_MINUTE: '45' });
  });
  afterAll(async () => {
    await Promise.all(clients.map((one) => one?.close()));
    await mesa.stop();
  });

  it('one address gets 20 sessions a minute, then 429 too_many_sessions in its language; other addresses are not affected', async () => {
    const created = await Promise.all(Array.from({ length: 20 }, () => client(0).call('POST', '/api/chat/sessions', { locale: 'es' })));
    expect(created.map((response) => response.status)).toEqual(Array(20).fill(201));
    const refused = await client(0).call('POST', '/api/chat/sessions', { locale: 'es' }, { 'accept-language': 'es' });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'too_many_sessions', message: expect.stringContaining('Espera un minuto') } });
    expect((await client(1).call('POST', '/api/chat/sessions', {})).status).toBe(201);
  });

  it('past MESA_CHAT_SESSIONS_PER_MINUTE for everyone together, new addresses are refused too', async () => {
    // 21 sessions so far; 24 more from fresh addresses reach the limit of 45.
    const statuses = [];
    for (let n = 2; n < 30; n++) statuses.push((await client(n).call('POST', '/api/chat/sessions', {})).status);
    // The limit is a sliding minute: should the run cross a minute boundary, one more may pass.
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(24);
    expect(statuses.filter((status) => status === 201).length).toBeLessThanOrEqual(25);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
  });
});

describe('issue 17: sessions that never sent a message are forgotten', () => {
  it('after 24 h a session with no message is gone (its id no longer opens it); one that was used stays', async () => {
    let now = new Date('2026-12-01T09:00:00Z');
    const repository = new SqliteConversationRepository(openDatabase(freshDataDir()));
    const start = async (externalId: string): Promise<string> => {
      const user = await repository.upsertUser('webchat', { externalId });
      const id = crypto.randomUUID();
      await repository.createConversation({ id, channel: 'webchat', userId: user.id, state: initialState('en', 'default'), at: now });
      return id;
    };
    const unused = await start('anonymous-a');
    const used = await start('anonymous-b');
    await repository.acceptUserMessage({ conversationId: used, text: 'hola', actionId: null, locale: 'en', at: now });
    const sweep = startUnusedConversationSweep({ repository, channel: 'webchat', maxAgeMs: 24 * 3_600_000, clock: () => now, logger: createLogger('silent') });

    now = new Date('2026-12-02T08:59:00Z');
    expect(await sweep.sweep()).toBe(0);
    expect(await repository.findConversation(unused)).not.toBeNull();
    now = new Date('2026-12-02T09:01:00Z');
    expect(await sweep.sweep()).toBe(1);
    expect(await repository.findConversation(unused)).toBeNull();
    expect(await repository.findConversation(used)).not.toBeNull();
    expect((await repository.messagesAfter(used, null, 10)).map((message) => message.text)).toEqual(['hola']);
    sweep.stop();
    await repository.close();
  });

  it('creating sessions without pause respects the WAL bound of the checkpointer', async () => {
    const db = openDatabase(freshDataDir('mesa-wal-'));
    const repository = new SqliteConversationRepository(db);
    const failures: string[] = [];
    const checkpointer = startWalCheckpointer(db, (message) => failures.push(message), { intervalMs: 10, walLimitFrames: 64 });
    await checkpointer.ready;
    const name = 'n'.repeat(200);
    let largestWal = 0;
    const sessions = 4000;
    for (let n = 0; n < sessions; n++) {
      const user = await repository.upsertUser('webchat', { externalId: `anonymous-${n}`, name });
      await repository.createConversation({ id: crypto.randomUUID(), channel: 'webchat', userId: user.id, state: initialState('en', 'default'), at: new Date() });
      if (n % 50 === 0) largestWal = Math.max(largestWal, statSync(`${db.name}-wal`).size);
    }
    await checkpointer.stop();
    expect(failures).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM conversations').get()).toEqual({ n: sessions });
    // About 140 MB goes through the WAL; written past the checkpointer it never started over and reached all of it.
    expect(largestWal).toBeLessThan(16 * 1024 * 1024);
    await repository.close();
  });
});
