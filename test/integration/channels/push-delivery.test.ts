import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { expectedTexts } from '../../helpers/expected-text.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { freshDataDir, startMesa } from '../../helpers/start-mesa.js';
import { FakeTestChannel } from '../../helpers/channels/fake-test-channel.js';

/** A stand-in platform: records what Mesa delivers; answers 503 while `down`. */
function platform(): Promise<{ url: string; received: Array<{ chatId: string; messageId: string; text: string }>; attempts: () => number; down: boolean; until(test: () => boolean): Promise<void>; close(): Promise<void> }> {
  const received: Array<{ chatId: string; messageId: string; text: string }> = [];
  let attempts = 0;
  const waiters: Array<() => void> = [];
  const state = {
    url: '',
    received,
    attempts: () => attempts,
    down: true,
    async until(test: () => boolean) {
      const deadline = Date.now() + 20_000;
      while (!test()) {
        if (Date.now() > deadline) throw new Error('the platform never saw what was expected');
        await new Promise<void>((wake) => waiters.push(wake));
      }
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      attempts += 1;
      if (state.down) response.writeHead(503).end();
      else {
        received.push(JSON.parse(body) as { chatId: string; messageId: string; text: string });
        response.writeHead(200).end('{}');
      }
      for (const wake of waiters.splice(0)) wake();
    });
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () => {
      state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/deliveries`;
      ready(state);
    }),
  );
}

describe('push channels: every committed reply reaches the platform once, through outages and crashes', () => {
  it('a reply committed but not yet delivered when Mesa is killed (kill -9) is delivered after the restart', async () => {
    const sink = await platform();
    const dataDir = freshDataDir();
    const entry = resolve(process.cwd(), 'dist/test/helpers/channels/mesa-with-sink-channel.js');
    const first = await startMesa({ dataDir, entry, env: { SINK_URL: sink.url } });
    const inbound = await fetch(`${first.url}/sinkchat/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventId: 'e1', chatId: 'chat-1', userId: 'u1', text: 'hola' }) });
    expect(inbound.status).toBe(200);
    // A delivery attempt means the reply is committed; the platform is down, so it is not delivered yet.
    await sink.until(() => sink.attempts() > 0);
    await first.kill();
    expect(sink.received).toEqual([]);

    sink.down = false;
    const second = await startMesa({ dataDir, entry, env: { SINK_URL: sink.url } });
    await sink.until(() => sink.received.length > 0);
    const texts = await expectedTexts();
    expect(sink.received.map((delivery) => [delivery.chatId, delivery.text])).toEqual([['chat-1', texts('es')('bot:greeting')]]);
    await second.stop();
    await sink.close();
  });
});

describe('push channels in process', () => {
  let mesa: InProcessMesa;
  const channel = new FakeTestChannel();

  beforeAll(async () => {
    mesa = await startInProcess({}, { extraChannels: [channel.plugin()] });
  });

  afterAll(async () => {
    await mesa?.stop();
  });

  const send = (body: Record<string, string>): Promise<Response> =>
    fetch(`${mesa.url}/testchat/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('an event the platform delivers three times is answered once', async () => {
    const event = { eventId: 'evt-42', chatId: 'chat-retry', userId: 'u-retry', text: 'hello' };
    const answers = await Promise.all([send(event), send(event), send(event)]);
    expect(await Promise.all(answers.map(async (answer) => ((await answer.json()) as { accepted: boolean }).accepted)).then((accepted) => accepted.filter(Boolean).length)).toBe(1);
    await channel.next('chat-retry', 0);
    await send({ eventId: 'evt-43', chatId: 'chat-retry', userId: 'u-retry', text: 'thanks' });
    await channel.next('chat-retry', 0, (delivery) => delivery.text !== channel.delivered.find((first) => first.chatId === 'chat-retry')!.text);
    await mesa.mesa.runner.idle();
    await mesa.mesa.relay.idle();
    expect(channel.delivered.filter((delivery) => delivery.chatId === 'chat-retry')).toHaveLength(2);
  });

  it('replies held back by a platform outage arrive in order, once each, when it recovers', async () => {
    channel.failDeliveries = true;
    const from = channel.delivered.length;
    await send({ eventId: 'o1', chatId: 'chat-outage', userId: 'u-outage', text: 'hello' });
    await send({ eventId: 'o2', chatId: 'chat-outage', userId: 'u-outage', text: 'in italiano per favore' });
    await mesa.mesa.runner.idle();
    expect(channel.delivered.slice(from)).toEqual([]);
    channel.failDeliveries = false;
    const texts = await expectedTexts();
    const last = await channel.next('chat-outage', from, (delivery) => delivery.text === texts('it')('bot:language.switched'));
    const mine = channel.delivered.slice(from, last.index + 1).filter((delivery) => delivery.chatId === 'chat-outage');
    expect(mine.map((delivery) => delivery.text)).toEqual([texts('en')('bot:greeting'), texts('it')('bot:language.switched')]);
    expect(new Set(mine.map((delivery) => delivery.messageId)).size).toBe(mine.length);
  });

  it('two first messages from a new chat at once land in one conversation', async () => {
    await Promise.all([
      send({ eventId: 'f1', chatId: 'chat-first', userId: 'u-first', text: 'hello' }),
      send({ eventId: 'f2', chatId: 'chat-first', userId: 'u-first', text: 'thanks' }),
    ]);
    await mesa.mesa.runner.idle();
    const conversationId = (await mesa.mesa.conversations.open({ channel: 'testchat', key: 'chat-first', reference: { chatId: 'chat-first' } }, { user: { externalId: 'u-first' } })).id;
    const users = (await mesa.mesa.conversations.messagesAfter(conversationId, null)).filter((message) => message.role === 'user');
    expect(users.map((message) => message.text).sort()).toEqual(['hello', 'thanks']);
  });

  it('keeps what the platform vouches for about the user from their very first message', async () => {
    await send({ eventId: 'v1', chatId: 'chat-verified', userId: 'u-verified', text: 'hello' });
    const conversation = await mesa.mesa.conversations.open({ channel: 'testchat', key: 'chat-verified', reference: { chatId: 'chat-verified' } }, { user: { externalId: 'u-verified' } });
    expect((await mesa.mesa.conversations.userOf(conversation))?.verified).toEqual({ email: 'u-verified@example.com' });
  });
});
