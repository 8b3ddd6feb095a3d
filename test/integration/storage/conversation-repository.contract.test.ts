import type { ConversationRepository } from '../../../bot/core/conversation-repository.js';
import { initialState } from '../../../bot/core/conversation-state.js';
import { compareMessageIds } from '../../../bot/core/message-ids.js';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { SqliteConversationRepository } from '../../../bot/storage/sqlite/sqlite-conversation-repository.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

interface Engine {
  name: string;
  open(dataDir: string): ConversationRepository;
}

/** Every storage engine must pass the same suite; MongoDB joins this list when it lands. */
const engines: Engine[] = [{ name: 'sqlite', open: (dataDir) => new SqliteConversationRepository(openDatabase(dataDir)) }];

describe.each(engines)('ConversationRepository on $name', (engine) => {
  let dataDir: string;
  let repository: ConversationRepository;
  const at = new Date('2026-11-23T10:00:00Z');

  beforeEach(() => {
    dataDir = freshDataDir();
    repository = engine.open(dataDir);
  });

  afterEach(async () => {
    await repository.close();
  });

  async function conversation(id = 'c1'): Promise<string> {
    const user = await repository.upsertUser('webchat', { externalId: `user-${id}` });
    await repository.createConversation({ id, channel: 'webchat', userId: user.id, state: initialState('es', 'hint'), at });
    return id;
  }

  it('keeps a user’s profile and remembered language across upserts', async () => {
    const first = await repository.upsertUser('webchat', { externalId: 'ana', name: 'Ana' });
    expect(first.language).toBeNull();
    await repository.createConversation({ id: 'c1', channel: 'webchat', userId: first.id, state: initialState('en', 'default'), at });
    await repository.completeTurn({ conversationId: 'c1', inboundId: null, state: initialState('pt', 'explicit'), replies: [], userLanguage: 'pt', at });
    const again = await repository.upsertUser('webchat', { externalId: 'ana', email: 'ana@example.com' });
    expect(again).toMatchObject({ id: first.id, name: 'Ana', email: 'ana@example.com', language: 'pt' });
  });

  it('accepted messages are pending until their turn completes, oldest first', async () => {
    const id = await conversation();
    const one = await repository.acceptUserMessage({ conversationId: id, text: 'uno', actionId: null, locale: 'es', at });
    const two = await repository.acceptUserMessage({ conversationId: id, text: 'dos', actionId: 'intent.help', locale: 'es', at });
    expect((await repository.pendingTurns(id)).map((turn) => [turn.message.text, turn.actionId])).toEqual([['uno', null], ['dos', 'intent.help']]);
    expect(await repository.conversationsWithPendingTurns()).toEqual([id]);

    const state = { ...initialState('es', 'detected'), userTurns: 1 };
    const stored = await repository.completeTurn({ conversationId: id, inboundId: one.id, state, replies: [{ role: 'bot', locale: 'es', text: 'hola', actions: [{ id: 'intent.help', label: 'Menú' }] }], at });
    expect(stored).toHaveLength(1);
    expect(compareMessageIds(stored[0]!.id, two.id)).toBeGreaterThan(0);
    expect((await repository.pendingTurns(id)).map((turn) => turn.message.id)).toEqual([two.id]);
    expect((await repository.findConversation(id))?.state).toEqual(state);
    expect(await repository.findOfferedAction(id, 'intent.help')).toEqual({ id: 'intent.help', label: 'Menú' });
    expect(await repository.findOfferedAction(id, 'intent.nope')).toBeNull();
  });

  it('serves the transcript after a cursor, with replies’ buttons, articles and tickets intact', async () => {
    const id = await conversation();
    const user = await repository.acceptUserMessage({ conversationId: id, text: 'hola', actionId: null, locale: 'es', at });
    await repository.completeTurn({
      conversationId: id,
      inboundId: user.id,
      state: initialState('es', 'hint'),
      replies: [{ role: 'bot', locale: 'es', text: 'mira', articles: [{ id: 'vpn', title: 'VPN', language: 'es' }], ticket: { number: 'SD-000001', status: 'new' } }],
      at,
    });
    const all = await repository.messagesAfter(id, null, 100);
    expect(all.map((message) => message.role)).toEqual(['user', 'bot']);
    expect(all[1]).toMatchObject({ articles: [{ id: 'vpn', title: 'VPN', language: 'es' }], ticket: { number: 'SD-000001', status: 'new' } });
    expect(await repository.messagesAfter(id, user.id, 100)).toHaveLength(1);
    expect(await repository.messagesAfter(id, all[1]!.id, 100)).toHaveLength(0);
  });

  it('appends an analyst’s message and a notice once per dedupe key, leaving the state and turn queue alone', async () => {
    const id = await conversation();
    const pending = await repository.acceptUserMessage({ conversationId: id, text: 'hola', actionId: null, locale: 'es', at });
    const agent = await repository.appendMessages({ conversationId: id, replies: [{ role: 'agent', locale: 'es', text: 'Hola, soy Ana' }], dedupeKey: null, at });
    const notice = { role: 'bot' as const, locale: 'es' as const, text: '¿Se ha resuelto?', ticket: { number: 'SD-000001', status: 'resolved' }, actions: [{ id: 'ticket.confirm.SD-000001', label: 'Sí' }] };
    const first = await repository.appendMessages({ conversationId: id, replies: [notice], dedupeKey: 'notice:1', at });
    const again = await repository.appendMessages({ conversationId: id, replies: [notice], dedupeKey: 'notice:1', at });

    expect(agent.map((message) => message.role)).toEqual(['agent']);
    expect(first).toHaveLength(1);
    expect(again).toEqual([]);
    const transcript = await repository.messagesAfter(id, null, 10);
    expect(transcript.map((message) => [message.role, message.text])).toEqual([['user', 'hola'], ['agent', 'Hola, soy Ana'], ['bot', '¿Se ha resuelto?']]);
    expect(transcript[2]).toMatchObject({ ticket: { number: 'SD-000001', status: 'resolved' } });
    expect(await repository.findOfferedAction(id, 'ticket.confirm.SD-000001')).toEqual({ id: 'ticket.confirm.SD-000001', label: 'Sí' });
    expect((await repository.pendingTurns(id)).map((turn) => turn.message.id)).toEqual([pending.id]);
    expect((await repository.findConversation(id))?.state).toEqual(initialState('es', 'hint'));
  });

  // The web chat API hands ids out as cursors (`after`, validated as 1 to 15 digits) and the widget orders by them.
  it('gives every message a decimal id greater than those stored before it, whichever way it was stored', async () => {
    const id = await conversation();
    const other = await conversation('other');
    const ids: string[] = [];
    for (let turn = 0; turn < 6; turn++) {
      const user = await repository.acceptUserMessage({ conversationId: id, text: `pregunta ${turn}`, actionId: null, locale: 'es', at });
      const once = await repository.acceptUserMessageOnce({ conversationId: id, text: `evento ${turn}`, actionId: null, locale: 'es', at, dedupeKey: `event-${turn}` });
      await repository.acceptUserMessage({ conversationId: other, text: 'en otra', actionId: null, locale: 'es', at });
      const replies = await repository.completeTurn({ conversationId: id, inboundId: user.id, state: initialState('es', 'hint'), replies: [{ role: 'bot', locale: 'es', text: 'uno' }, { role: 'bot', locale: 'es', text: 'dos' }], at });
      const appended = await repository.appendMessages({ conversationId: id, replies: [{ role: 'agent', locale: 'es', text: 'Ana' }], dedupeKey: null, at });
      ids.push(user.id, once!.id, ...replies.map((message) => message.id), ...appended.map((message) => message.id));
    }
    for (const messageId of ids) expect(messageId).toMatch(/^[1-9]\d{0,14}$/);
    expect([...ids].sort(compareMessageIds)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);

    const transcript = await repository.messagesAfter(id, null, 100);
    expect(transcript.map((message) => message.id)).toEqual(ids);
    expect(await repository.messagesAfter(id, '0', 100)).toEqual(transcript);
    // Every cursor, whatever its length, gives exactly the messages after it.
    for (const [index, cursor] of ids.entries()) expect((await repository.messagesAfter(id, cursor, 100)).map((message) => message.id)).toEqual(ids.slice(index + 1));
    expect((await repository.messagesAfter(id, ids[3]!, 2)).map((message) => message.id)).toEqual(ids.slice(4, 6));
  });

  it('keeps conversations apart', async () => {
    const a = await conversation('a');
    const b = await conversation('b');
    await repository.acceptUserMessage({ conversationId: a, text: 'para a', actionId: null, locale: 'es', at });
    expect(await repository.messagesAfter(b, null, 10)).toEqual([]);
    expect(await repository.pendingTurns(b)).toEqual([]);
  });

  it('survives closing and reopening: nothing stored is lost', async () => {
    const id = await conversation();
    await repository.acceptUserMessage({ conversationId: id, text: 'persistente', actionId: null, locale: 'es', at });
    await repository.close();
    repository = engine.open(dataDir);
    expect((await repository.pendingTurns(id)).map((turn) => turn.message.text)).toEqual(['persistente']);
    expect((await repository.findConversation(id))?.state.language).toBe('es');
  });

  // Recent messages may be answered from memory: whatever the engine does, a reader after a restart must see the same transcript.
  it('serves the same transcript from every cursor before and after a restart, in a conversation longer than any recent window', async () => {
    const id = await conversation('long');
    const other = await conversation('other');
    const cursors: Array<string | null> = [null];
    for (let turn = 0; turn < 30; turn++) {
      const user = await repository.acceptUserMessage({ conversationId: id, text: `pregunta ${turn}`, actionId: null, locale: 'es', at });
      await repository.acceptUserMessage({ conversationId: other, text: `otra ${turn}`, actionId: null, locale: 'es', at });
      cursors.push(user.id);
      const replies = [
        { role: 'bot' as const, locale: 'es' as const, text: `respuesta ${turn}`, actions: turn % 2 ? [{ id: 'intent.help', label: 'Menú' }] : [] },
        ...(turn % 3 ? [] : [{ role: 'bot' as const, locale: 'es' as const, text: 'mira', articles: [{ id: 'vpn', title: 'VPN', language: 'es' as const }] }]),
      ];
      const stored = await repository.completeTurn({ conversationId: id, inboundId: user.id, state: initialState('es', 'hint'), replies, at });
      cursors.push(stored.at(-1)!.id);
      if (turn % 7 === 0) await repository.appendMessages({ conversationId: id, replies: [{ role: 'agent', locale: 'es', text: `Soy Ana (${turn})` }], dedupeKey: `agent:${turn}`, at });
      // The same delivery again: nothing new, and nothing read afterwards may change because of it.
      if (turn % 7 === 0) await repository.appendMessages({ conversationId: id, replies: [{ role: 'agent', locale: 'es', text: `Soy Ana (${turn})` }], dedupeKey: `agent:${turn}`, at });
    }
    // A button offered again under a new label (the user switched language) is pressed with the new label.
    await repository.completeTurn({ conversationId: id, inboundId: null, state: initialState('en', 'explicit'), replies: [{ role: 'bot', locale: 'en', text: 'menu', actions: [{ id: 'intent.help', label: 'Menu' }] }], at });
    expect(await repository.findOfferedAction(id, 'intent.help')).toEqual({ id: 'intent.help', label: 'Menu' });
    cursors.push(null);
    const read = (repo: ConversationRepository) => Promise.all(cursors.flatMap((cursor) => [repo.messagesAfter(id, cursor, 100), repo.messagesAfter(id, cursor, 3)]));
    const before = await read(repository);
    expect(before[0]).toHaveLength(30 + 30 + 10 + 5 + 1);

    await repository.close();
    repository = engine.open(dataDir);
    expect(await read(repository)).toEqual(before);
    expect(await repository.findOfferedAction(id, 'intent.help')).toEqual({ id: 'intent.help', label: 'Menu' });
  });
});
