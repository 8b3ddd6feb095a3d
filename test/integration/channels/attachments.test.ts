import { ConsoleClient } from '../../helpers/console-client.js';
import { expectedTexts } from '../../helpers/expected-text.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { ADMIN, signedInStaff } from '../../helpers/service-desk-client.js';
import { FakeTestChannel } from '../../helpers/channels/fake-test-channel.js';
import { fakeChannelHarness } from '../../helpers/channels/fake-channel-harness.js';

interface DetailJson {
  ticket: { number: string };
  transcript: Array<{ role: string; text: string }>;
}

/** Files, images and voice notes the bot cannot read, sent from a push channel (the test channel). */
describe('attachments from a channel', () => {
  let mesa: InProcessMesa;
  let analyst: ConsoleClient;
  const channel = new FakeTestChannel();

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password }, { extraChannels: [channel.plugin()] });
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    analyst = await signedInStaff(mesa.url, admin, { email: 'ana-files@example.com', name: 'Ana', roles: ['l1_analyst'] });
  }, 60_000);

  afterAll(async () => {
    await mesa?.stop();
  });

  let sequence = 0;
  const send = async (chatId: string, body: Record<string, unknown>): Promise<void> => {
    sequence += 1;
    const response = await fetch(`${mesa.url}/testchat/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventId: `file-${sequence}`, chatId, userId: chatId, ...body }) });
    expect(response.status).toBe(200);
  };

  it('are answered in the user\'s language with a request to say it in words', async () => {
    const texts = await expectedTexts();
    await send('chat-file-1', { text: 'hola' });
    await channel.next('chat-file-1', 0, (delivery) => delivery.text === texts('es')('bot:greeting'));
    const from = channel.delivered.length;
    await send('chat-file-1', { file: { kind: 'image/png', name: 'captura.png' } });
    expect((await channel.next('chat-file-1', from)).delivery.text).toBe(texts('es')('bot:attachment.cannot_read'));
  });

  it('are recorded in the ticket\'s transcript while an analyst handles it, and the bot stays silent', async () => {
    const harness = fakeChannelHarness(channel);
    await harness.attach(mesa);
    const user = await harness.newUser('file-user', 'en');
    await user.say('I want to talk to a human agent');
    let reply = await user.next();
    if (!reply.ticket) {
      await user.say('My second monitor stays black after docking');
      reply = await user.next();
    }
    for (let question = 0; !reply.ticket; question++) {
      if (!reply.choices[0] || question > 5) throw new Error(`no ticket: ${reply.text}`);
      await user.choose(reply.choices[0]);
      reply = await user.next();
    }
    const number = reply.ticket.number;
    expect((await analyst.call('POST', `/desk/tickets/${number}/claim`)).status).toBe(200);
    await user.next((seen) => seen.text.includes('Ana'));
    const before = channel.delivered.filter((delivery) => delivery.chatId === 'chat-file-user').length;
    await send('chat-file-user', { userId: 'file-user', file: { kind: 'image/jpeg', name: 'monitor.jpg' } });
    await mesa.mesa.runner.idle();
    await mesa.mesa.relay.idle();
    const detail = await analyst.call<DetailJson>('GET', `/desk/tickets/${number}`);
    expect(detail.body.transcript.at(-1)).toMatchObject({ role: 'user', text: '\u{1F4CE} monitor.jpg (image/jpeg)' });
    expect(channel.delivered.filter((delivery) => delivery.chatId === 'chat-file-user')).toHaveLength(before);
  });
});
