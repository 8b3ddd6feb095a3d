import { ids, loadLanguage, buildEngine, Chat, TestClock, type Language4 } from './helpers/chat.js';
import { MemoryHelpDesk } from './helpers/memory-help-desk.js';

let language: Language4;
beforeAll(async () => {
  language = await loadLanguage();
});

/** A user whose ticket SD-000001 is waiting in the queue. */
async function queued(options: { language: 'en' | 'es' }) {
  const clock = new TestClock();
  const desk = new MemoryHelpDesk();
  const chat = new Chat(buildEngine(language, { desk, clock }), language, { language: options.language, clock });
  await chat.say(options.language === 'en' ? 'agent' : 'agente');
  await chat.say(options.language === 'en' ? 'Outlook keeps asking for my password' : 'Outlook me pide la contraseña todo el rato');
  await chat.press('escalate.impact.low');
  await chat.press('escalate.urgency.medium');
  return { chat, desk, clock, t: chat.t };
}

describe('while people own the conversation', () => {
  it('waiting in the queue: the first message is acknowledged once, later ones reach the ticket in silence', async () => {
    const { chat, desk, clock, t } = await queued({ language: 'en' });
    const [ack] = await chat.say('I also get a certificate warning');
    expect(ack).toEqual({ text: t('bot:handoff.queued_ack', { number: 'SD-000001' }), ticket: { number: 'SD-000001', status: 'new' } });
    clock.advance(1);
    expect(await chat.say('hello? anyone?')).toEqual([]);
    expect(await chat.say('I forgot my password')).toEqual([]);
    expect(desk.ticket('SD-000001').messagedAt).toHaveLength(3);
  });

  it('es: during a live chat with an analyst the bot never says a word, not even to "menu" or "hola"', async () => {
    const { chat, desk } = await queued({ language: 'es' });
    desk.claim('SD-000001', 'Ana');
    for (const text of ['hola', 'menú', 'sigue sin funcionar', 'agente']) expect(await chat.say(text)).toEqual([]);
    expect(await chat.press('intent.help')).toEqual([]);
    expect(desk.ticket('SD-000001').messagedAt).toHaveLength(5);
  });

  it('the bot answers again as soon as the handoff ends', async () => {
    const { chat, desk, t } = await queued({ language: 'en' });
    desk.claim('SD-000001', 'Ana');
    expect(await chat.say('thanks Ana')).toEqual([]);
    desk.resolve('SD-000001');
    const [menu] = await chat.say('menu');
    expect(menu!.text).toBe(t('bot:menu.prompt'));
  });

  it('es: "leave the queue" cancels the ticket, confirms it, and the user can start again at once', async () => {
    const { chat, desk, t } = await queued({ language: 'es' });
    const [left] = await chat.press('handoff.leave.SD-000001');
    expect(left).toEqual({ text: t('bot:handoff.left', { number: 'SD-000001' }), ticket: { number: 'SD-000001', status: 'closed' } });
    expect(desk.ticket('SD-000001').closeReason).toBe('cancelled');
    const [greeting] = await chat.say('hola');
    expect(greeting!.text).toBe(t('bot:greeting'));
  });

  it('once an analyst has it, leaving the queue is explained instead of done', async () => {
    const { chat, desk, t } = await queued({ language: 'en' });
    desk.claim('SD-000001', 'Ana');
    const [cannot] = await chat.press('handoff.leave.SD-000001');
    expect(cannot!.text).toBe(t('bot:handoff.cannot_leave', { number: 'SD-000001' }));
    expect(desk.ticket('SD-000001').summary.status).toBe('in_progress');
  });

  it('a new ticket in the same conversation gets its own single acknowledgement', async () => {
    const { chat, desk, t } = await queued({ language: 'en' });
    await chat.say('one more detail');
    desk.closeAndSurvey('SD-000001', 'confirmed');
    await chat.say('agent');
    await chat.say('the printer jams');
    await chat.press('escalate.impact.low');
    await chat.press('escalate.urgency.low');
    const [ack] = await chat.say('it is the one on floor 2');
    expect(ack!.text).toBe(t('bot:handoff.queued_ack', { number: 'SD-000002' }));
    expect(ids(ack)).toEqual([]);
  });
});
