import { Agent, fetch as fetchFrom } from 'undici';
import { ChatSession } from '../../helpers/chat-client.js';
import { EventStreamReader } from '../../helpers/console-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';

// Issue 17, item 5: a client could hold any number of event streams and long polls open at once.
describe('issue 17: open streams and waiting long polls are capped per session and per address', () => {
  let mesa: InProcessMesa;

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_CHAT_STREAMS_PER_SESSION: '3', MESA_CHAT_STREAMS_PER_ADDRESS: '5' });
  });
  afterAll(() => mesa.stop());

  const openStream = async (chat: ChatSession, dispatcher?: Agent): Promise<EventStreamReader | { status: number; body: unknown }> => {
    const abort = new AbortController();
    const response = await fetchFrom(`${mesa.url}/api/chat/sessions/${chat.sessionId}/stream`, { headers: { authorization: `Bearer ${chat.token}`, 'accept-language': 'pt' }, signal: abort.signal, ...(dispatcher ? { dispatcher } : {}) });
    if (!response.ok) return { status: response.status, body: await response.json() };
    return new EventStreamReader(response.status, response.headers.get('content-type') ?? '', abort, response.body as ReadableStream<Uint8Array> | null);
  };
  const isOpen = (stream: EventStreamReader | { status: number }): stream is EventStreamReader => stream instanceof EventStreamReader;

  it('a fourth stream or waiting long poll on one session gets 429 too_many_streams; closing one frees its place', async () => {
    const chat = await ChatSession.create(mesa.url, { locale: 'pt' });
    const streams = [await openStream(chat), await openStream(chat)];
    expect(streams.every(isOpen)).toBe(true);
    const poll = fetch(`${mesa.url}/api/chat/sessions/${chat.sessionId}/messages?waitMs=30000`, { headers: { authorization: `Bearer ${chat.token}` } });
    // The waiting poll holds the third place: wait until a fourth connection is refused.
    let refused = await openStream(chat);
    for (let tries = 0; isOpen(refused) && tries < 50; tries++) {
      refused.close();
      await new Promise((resolve) => setImmediate(resolve));
      refused = await openStream(chat);
    }
    expect(refused).toEqual({ status: 429, body: { error: { code: 'too_many_streams', message: expect.stringContaining('conexões') } } });

    const closed = streams.pop() as EventStreamReader;
    closed.close();
    let reopened = await openStream(chat);
    for (let tries = 0; !isOpen(reopened) && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      reopened = await openStream(chat);
    }
    expect(isOpen(reopened)).toBe(true);
    // The poll still answers, as soon as there is something to say.
    await chat.say('olá');
    expect((await poll).status).toBe(200);
    for (const stream of [...streams, reopened]) if (isOpen(stream)) stream.close();
  });

  it('one address may hold 5 at once over all its sessions', async () => {
    // An address of its own, so nothing the first test left closing counts here.
    const address = new Agent({ localAddress: '127.0.5.5' });
    const chats = await Promise.all([0, 1, 2].map(() => ChatSession.create(mesa.url, { locale: 'en' })));
    const opened = [];
    for (const chat of [chats[0]!, chats[0]!, chats[1]!, chats[1]!, chats[2]!]) opened.push(await openStream(chat, address));
    expect(opened.every(isOpen)).toBe(true);
    const elsewhere = await openStream(chats[2]!);
    expect(isOpen(elsewhere)).toBe(true);
    const sixth = await openStream(chats[2]!, address);
    expect(sixth).toMatchObject({ status: 429, body: { error: { code: 'too_many_streams' } } });
    for (const stream of [...opened, elsewhere]) if (isOpen(stream)) stream.close();
    await address.close();
  });
});
