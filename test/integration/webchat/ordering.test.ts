import { ChatSession } from '../../helpers/chat-client.js';
import { expectedTexts } from '../../helpers/expected-text.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';

let server: InProcessMesa;

beforeAll(async () => {
  server = await startInProcess();
});

afterAll(async () => {
  await server.stop();
});

describe('turns of one conversation', () => {
  it('ten messages sent within a second are all answered, in order, each seeing the state the previous one left', async () => {
    const text = await expectedTexts();
    const chat = await ChatSession.create(server.url, { locale: 'en' });
    const texts = ['hello', 'I forgot my password', 'thanks', 'en español por favor', 'I forgot my password', 'hello', 'my account is locked', 'thanks', 'hello', 'my account is locked'];
    const started = Date.now();
    for (const message of texts) await chat.say(message);
    expect(Date.now() - started).toBeLessThan(1000);

    const replies = await chat.botReplies(10);
    // Message 4 switches to Spanish; every later reply must already see that switch.
    expect(replies.map((reply) => reply.text)).toEqual([
      text('en')('bot:greeting'),
      text('en')('password:refused.anonymous'),
      text('en')('bot:thanks'),
      text('es')('bot:language.switched'),
      text('es')('password:refused.anonymous'),
      text('es')('bot:greeting'),
      text('es')('password:refused.anonymous'),
      text('es')('bot:thanks'),
      text('es')('bot:greeting'),
      text('es')('password:refused.anonymous'),
    ]);
  });

  it('different conversations are answered concurrently', async () => {
    const chats = await Promise.all(Array.from({ length: 20 }, () => ChatSession.create(server.url, { locale: 'it' })));
    const replies = await Promise.all(chats.map((chat) => chat.ask('ciao')));
    expect(new Set(replies.map((reply) => reply.locale))).toEqual(new Set(['it']));
  });
});
