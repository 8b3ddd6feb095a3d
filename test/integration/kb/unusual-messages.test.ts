import type { Language } from '../../../bot/core/language.js';
import type { Translate } from '../../../bot/i18n/translator.js';
import { ChatSession, type ChatMessage } from '../../helpers/chat-client.js';
import { expectedTexts } from '../../helpers/expected-text.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';

/** Issue 13, bad input: odd messages get a sensible answer, never a crash or a wrong "you have no tickets". */
describe('unusual messages to a new conversation, through the web chat API with the starter KB', () => {
  let mesa: InProcessMesa;
  let text: (language: Language) => Translate;

  beforeAll(async () => {
    [mesa, text] = await Promise.all([startInProcess({ MESA_STARTER_KB: 'on' }), expectedTexts()]);
  }, 120_000);

  afterAll(async () => {
    await mesa?.stop();
  });

  async function firstReply(language: Language, message: string): Promise<ChatMessage> {
    const chat = await ChatSession.create(mesa.url, { locale: language });
    return chat.ask(message);
  }

  const offered = (reply: ChatMessage) => (reply.articles ?? []).map((article) => article.id);

  it('an empty or blank message is refused with a clear 400, and the conversation goes on', async () => {
    const chat = await ChatSession.create(mesa.url, { locale: 'en' });
    expect((await chat.post({ text: '' })).status).toBe(400);
    expect((await chat.post({ text: '   ' })).status).toBe(400);
    expect(offered(await chat.ask('the vpn does not connect'))).toContain('vpn-cannot-connect');
  });

  it('emoji only: asks for more, offers no article', async () => {
    const reply = await firstReply('en', '🙂🙂🙂');
    expect(reply.text).toBe(text('en')('bot:clarify.nothing'));
    expect(offered(reply)).toEqual([]);
  });

  it.each([
    ['en', 'vpn', 'vpn-cannot-connect'],
    ['es', 'impresora', 'printer-not-printing'],
    ['en', 'inbox', 'outlook-not-receiving-email'],
    ['es', 'correo', 'outlook-not-receiving-email'],
  ] as const)('one word (%s "%s") offers the articles about it, not "you have no tickets"', async (language, message, article) => {
    const reply = await firstReply(language, message);
    expect(reply.text).not.toBe(text(language)('bot:ticket.none'));
    expect(offered(reply)).toContain(article);
  });

  it('a very long message gets an answer', async () => {
    const reply = await firstReply('en', `my outlook does not receive any email since this morning. ${'I tried everything I could think of. '.repeat(100)}`);
    expect(offered(reply)).toContain('outlook-not-receiving-email');
  });

  it('a message mixing languages is understood', async () => {
    expect(offered(await firstReply('es', 'hola, my outlook no recibe emails'))).toContain('outlook-not-receiving-email');
  });

  it('a pasted stack trace is searched by its readable lines', async () => {
    const trace = ['Exception in thread "main" java.lang.IllegalStateException: VPN tunnel down', '\tat com.acme.vpn.Tunnel.open(Tunnel.java:42)', '\tat com.acme.vpn.Main.main(Main.java:10)', 'the vpn client cannot connect to the gateway'].join('\n');
    expect(offered(await firstReply('en', trace))).toContain('vpn-cannot-connect');
  });

  it('a pasted Python traceback about a share is searched by its error line', async () => {
    const trace = ['Traceback (most recent call last):', '  File "sync.py", line 3, in <module>', "    open(r'\\\\fs01\\finance\\q3.xlsx')", "PermissionError: [Errno 13] Permission denied: access to the shared folder denied"].join('\n');
    expect(offered(await firstReply('en', trace))).toContain('shared-folder-access');
  });
});
