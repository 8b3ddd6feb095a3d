import type { Language } from '../../../bot/core/language.js';
import type { Translate } from '../../../bot/i18n/translator.js';
import { ChatSession } from '../../helpers/chat-client.js';
import { expectedTexts } from '../../helpers/expected-text.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';

interface Script {
  language: Language;
  greeting: string;
  human: string;
  resetPassword: string;
  vpn: string;
  switchTo: Language;
  switchRequest: string;
}

const scripts: Script[] = [
  { language: 'en', greeting: 'hello', human: 'I want to talk to a human', resetPassword: 'reset my password', vpn: "my VPN doesn't work", switchTo: 'es', switchRequest: 'en español por favor' },
  { language: 'es', greeting: 'hola', human: 'quiero hablar con una persona', resetPassword: 'quiero restablecer mi contraseña', vpn: 'la VPN no me funciona', switchTo: 'en', switchRequest: 'in English please' },
  { language: 'pt', greeting: 'oi', human: 'quero falar com um atendente', resetPassword: 'esqueci minha senha', vpn: 'minha VPN não funciona', switchTo: 'it', switchRequest: 'in italiano per favore' },
  { language: 'it', greeting: 'ciao', human: 'vorrei parlare con un operatore', resetPassword: 'ho dimenticato la password', vpn: 'la VPN non funziona', switchTo: 'pt', switchRequest: 'em português por favor' },
];

let server: InProcessMesa;
let text: (language: Language) => Translate;

beforeAll(async () => {
  server = await startInProcess({ MESA_STARTER_KB: 'on' });
  text = await expectedTexts();
});

afterAll(async () => {
  await server.stop();
});

describe.each(scripts)('a conversation in $language through the web chat API', (script) => {
  let chat: ChatSession;

  beforeAll(async () => {
    // No locale hint: the bot must find the language from what the user writes.
    chat = await ChatSession.create(server.url);
  });

  it(`answers "${script.greeting}" in ${script.language} with the menu`, async () => {
    const reply = await chat.ask(script.greeting);
    expect(reply.locale).toBe(script.language);
    expect(reply.text).toBe(text(script.language)('bot:greeting'));
    expect(reply.actions?.map((action) => action.label)).toContain(text(script.language)('bot:menu.reset_password'));
  });

  it(`recognises "${script.human}" as asking for a person`, async () => {
    const reply = await chat.ask(script.human);
    // Nothing is known yet, so the way to a person starts by asking what the problem is.
    expect(reply.text).toBe(`${text(script.language)('bot:escalate.intro.user_asked')} ${text(script.language)('bot:escalate.ask_problem')}`);
  });

  it(`recognises "${script.resetPassword}" as a password reset, which an unsigned web chat user is sent to the service desk for`, async () => {
    const reply = await chat.ask(script.resetPassword);
    expect(reply.text).toBe(text(script.language)('password:refused.anonymous'));
  });

  it(`recognises "${script.vpn}" as a problem report and offers the VPN article in ${script.language}`, async () => {
    const reply = await chat.ask(script.vpn);
    expect(reply.text).toBe(text(script.language)('bot:kb.offer'));
    expect(reply.articles?.[0]).toMatchObject({ id: 'vpn-cannot-connect', language: script.language });
  });

  it(`switches to ${script.switchTo} on "${script.switchRequest}" and stays there`, async () => {
    const reply = await chat.ask(script.switchRequest);
    expect(reply.locale).toBe(script.switchTo);
    expect(reply.text).toBe(text(script.switchTo)('bot:language.switched'));
    // Written in the old language, yet the explicit choice stands.
    const next = await chat.ask(script.resetPassword);
    expect(next.locale).toBe(script.switchTo);
    expect(next.text).toBe(text(script.switchTo)('password:refused.anonymous'));
  });

  it('keeps the whole transcript, user and bot, in order', async () => {
    const history = await chat.history();
    const userTexts = history.filter((message) => message.role === 'user').map((message) => message.text);
    expect(userTexts).toEqual([script.greeting, script.human, script.resetPassword, script.vpn, script.switchRequest, script.resetPassword]);
    expect(history.filter((message) => message.role === 'bot')).toHaveLength(6);
    const ids = history.map((message) => Number(message.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });
});

describe('buttons', () => {
  it('pressing a menu button runs what it says, and the transcript shows the label', async () => {
    const chat = await ChatSession.create(server.url, { locale: 'pt' });
    const menu = await chat.ask('oi');
    const unlock = menu.actions?.find((action) => action.id === 'intent.unlock_account');
    expect(unlock?.label).toBe(text('pt')('bot:menu.unlock_account'));
    chat.cursor = await chat.press(unlock!.id);
    const [reply] = await chat.botReplies(1);
    expect(reply!.text).toBe(text('pt')('password:refused.anonymous'));
    const history = await chat.history();
    expect(history.filter((message) => message.role === 'user').map((message) => message.text)).toEqual(['oi', unlock!.label]);
  });

  it('a language button switches the conversation', async () => {
    const chat = await ChatSession.create(server.url, { locale: 'en' });
    const prompt = await chat.ask('I want to change the language');
    const italian = prompt.actions?.find((action) => action.id === 'language.it');
    expect(italian?.label).toBe('Italiano');
    chat.cursor = await chat.press('language.it');
    const [reply] = await chat.botReplies(1);
    expect(reply!.locale).toBe('it');
    expect(reply!.text).toBe(text('it')('bot:language.switched'));
  });
});

describe('understanding', () => {
  it.each<[Language, string]>([
    ['en', 'purple elephants dancing on the moon'],
    ['es', 'receta de tortilla de patatas'],
  ])('in %s, asks with choices instead of guessing at "%s"', async (language, nonsense) => {
    const chat = await ChatSession.create(server.url, { locale: language });
    const reply = await chat.ask(nonsense);
    expect([text(language)('bot:clarify.prompt'), text(language)('bot:clarify.nothing')]).toContain(reply.text);
    expect(reply.actions?.length).toBeGreaterThan(0);
  });

  it('remembers a user’s chosen language for their next conversation', async () => {
    const first = await ChatSession.create(server.url, { user: { id: 'maria@example.com' }, locale: 'en' });
    await first.ask('em português por favor');
    const second = await ChatSession.create(server.url, { user: { id: 'maria@example.com' }, locale: 'en' });
    const reply = await second.ask('ok');
    expect(reply.locale).toBe('pt');
  });
});
