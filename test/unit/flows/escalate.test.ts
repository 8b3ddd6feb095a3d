import { ids, loadLanguage, buildEngine, Chat, TestClock, type Language4 } from './helpers/chat.js';
import { MemoryHelpDesk } from './helpers/memory-help-desk.js';
import { MemoryKnowledgeBase, vpnArticles } from './helpers/memory-knowledge-base.js';

let language: Language4;
beforeAll(async () => {
  language = await loadLanguage();
});

function setUp(options: { language: 'en' | 'es' }) {
  const clock = new TestClock();
  const desk = new MemoryHelpDesk();
  const kb = new MemoryKnowledgeBase(vpnArticles);
  const chat = new Chat(buildEngine(language, { desk, kb, clock }), language, { language: options.language, clock });
  return { chat, desk, kb, clock, t: chat.t };
}

describe('escalating to a person', () => {
  it('after a failed fix asks only who is affected and how urgent it is, and the ticket carries the problem and what was tried', async () => {
    const { chat, desk, t } = setUp({ language: 'en' });
    const [offer] = await chat.say("my VPN doesn't work");
    expect(offer!.articles?.map((article) => article.id)).toEqual(['vpn-cannot-connect']);
    await chat.press('kbfix.open.en.vpn-cannot-connect');
    await chat.press('kbfix.next');

    const [sorry, impact] = await chat.press('kbfix.not_fixed');
    expect(sorry!.text).toBe(t('bot:kb.not_fixed'));
    expect(impact!.text).toBe(`${t('bot:escalate.intro.kb_not_fixed')} ${t('bot:escalate.ask_impact')}`);
    expect(ids(impact)).toEqual(['escalate.impact.low', 'escalate.impact.medium', 'escalate.impact.high']);

    const [urgency] = await chat.press('escalate.impact.low');
    expect(urgency!.text).toBe(t('bot:escalate.ask_urgency'));
    const [opened] = await chat.say('1');

    const ticket = [...desk.tickets.values()][0]!;
    const number = ticket.summary.number;
    expect(opened).toEqual({
      text: [
        t('bot:escalate.opened', { number, queue: 'L1 Service Desk' }),
        t('bot:escalate.position_next'),
        t('bot:escalate.wait_minutes', { minutes: 12 }),
        t('bot:escalate.keep_writing'),
      ].join(' '),
      ticket: { number, status: 'new' },
      actions: [{ id: `handoff.leave.${number}`, label: t('bot:escalate.leave_button') }],
    });
    expect(ticket.request).toMatchObject({ type: 'incident', impact: 'low', urgency: 'high', summary: "my VPN doesn't work", language: 'en' });
    expect(ticket.request.context).toEqual({
      reason: 'kb_not_fixed',
      problem: "my VPN doesn't work",
      intent: { name: 'report_problem', confidence: expect.any(Number) },
      tried: [{ id: 'vpn-cannot-connect', title: "I can't connect to the VPN", language: 'en', category: 'network', stepsShown: 2, totalSteps: 3, outcome: 'not_fixed' }],
    });
  });

  it('asking for a person after articles were offered keeps the problem and the offered articles', async () => {
    const { chat, desk, t } = setUp({ language: 'en' });
    await chat.say('the vpn keeps disconnecting');
    const [impact] = await chat.say('agent');
    expect(impact!.text).toBe(`${t('bot:escalate.intro.user_asked')} ${t('bot:escalate.ask_impact')}`);
    await chat.say('just me');
    await chat.say('it can wait');
    const { request } = [...desk.tickets.values()][0]!;
    expect(request).toMatchObject({ impact: 'low', urgency: 'low' });
    expect(request.context).toMatchObject({ reason: 'user_asked', problem: 'the vpn keeps disconnecting', tried: [{ id: 'vpn-cannot-connect', stepsShown: 0, outcome: 'offered' }] });
  });

  it('es: "agente" with nothing known asks what the problem is first, then understands plain answers', async () => {
    const { chat, desk, t } = setUp({ language: 'es' });
    const [problem] = await chat.say('agente');
    expect(problem!.text).toBe(`${t('bot:escalate.intro.user_asked')} ${t('bot:escalate.ask_problem')}`);
    expect(problem!.actions).toBeUndefined();

    const [impact] = await chat.say('La impresora de la segunda planta no imprime nada');
    expect(impact!.text).toBe(t('bot:escalate.ask_impact'));
    const [urgency] = await chat.say('a toda la oficina');
    expect(urgency!.text).toBe(t('bot:escalate.ask_urgency'));
    const [opened] = await chat.say('No puedo trabajar, es urgente');
    expect(opened!.text.startsWith(t('bot:escalate.opened', { number: 'SD-000001', queue: 'L1 Service Desk' }))).toBe(true);

    const { request } = desk.ticket('SD-000001');
    expect(request).toMatchObject({ impact: 'high', urgency: 'high', language: 'es', summary: 'La impresora de la segunda planta no imprime nada' });
    expect(request.context).toEqual({ reason: 'user_asked', intent: { name: 'human', confidence: expect.any(Number) }, problem: 'La impresora de la segunda planta no imprime nada' });
  });

  it('asks again once when it cannot read an answer, then assumes medium and says so', async () => {
    const { chat, desk, t } = setUp({ language: 'es' });
    await chat.say('agente');
    await chat.say('Outlook se cierra solo al abrir un adjunto');
    const [again] = await chat.say('pues no sé, depende');
    expect(again!.text).toBe(`${t('bot:escalate.not_understood')} ${t('bot:escalate.ask_impact')}`);
    expect(ids(again)).toEqual(['escalate.impact.low', 'escalate.impact.medium', 'escalate.impact.high']);
    const [assumed] = await chat.say('ni idea');
    expect(assumed!.text).toBe(`${t('bot:escalate.assumed_impact')} ${t('bot:escalate.ask_urgency')}`);
    await chat.press('escalate.urgency.low');
    expect(desk.ticket('SD-000001').request).toMatchObject({ impact: 'medium', urgency: 'low' });
  });

  it('a service request asks what is needed only when it is not known, and never who is affected', async () => {
    const { chat, desk, t } = setUp({ language: 'en' });
    const [urgency] = await chat.say('I need a second monitor for my desk');
    expect(urgency!.text).toBe(`${t('bot:escalate.intro.service_request')} ${t('bot:escalate.ask_urgency')}`);
    await chat.say('2');
    expect(desk.ticket('SD-000001').request).toMatchObject({ type: 'service_request', impact: 'low', urgency: 'medium', summary: 'I need a second monitor for my desk' });

    const [what] = await setUp({ language: 'en' }).chat.press('intent.service_request');
    expect(what!.text).toBe(`${t('bot:escalate.intro.service_request')} ${t('bot:escalate.ask_request')}`);
  });

  it('outside business hours says when the team opens, in the user\'s language and the queue\'s time zone', async () => {
    const { chat, desk, t } = setUp({ language: 'es' });
    desk.queue = { queueName: 'L2 Redes', staffed: false, estimatedWaitMinutes: null, opensAt: new Date('2025-03-11T07:00:00Z'), timeZone: 'Europe/Madrid' };
    await chat.say('agente');
    await chat.say('El wifi de la sala de reuniones no funciona');
    await chat.press('escalate.impact.medium');
    const [opened] = await chat.press('escalate.urgency.medium');
    expect(opened!.text).toBe(
      [
        t('bot:escalate.opened', { number: 'SD-000001', queue: 'L2 Redes' }),
        t('bot:escalate.offline', { queue: 'L2 Redes', opensAt: 'mar, 08:00', timeZone: 'Europe/Madrid' }),
        t('bot:escalate.keep_writing'),
      ].join(' '),
    );
  });

  it('says honestly when it cannot estimate the wait', async () => {
    const { chat, desk, t } = setUp({ language: 'en' });
    desk.queue = { ...desk.queue, estimatedWaitMinutes: null };
    await chat.say('agent');
    await chat.say('Excel crashes every time I open the budget file');
    await chat.press('escalate.impact.low');
    const [opened] = await chat.press('escalate.urgency.low');
    expect(opened!.text).toContain(t('bot:escalate.wait_unknown'));
  });

  it('a typed "1" answers the bot\'s question, not an old survey still waiting', async () => {
    const { chat, desk } = setUp({ language: 'en' });
    await chat.say('agent');
    await chat.say('my laptop does not boot');
    await chat.press('escalate.impact.low');
    await chat.press('escalate.urgency.low');
    desk.closeAndSurvey('SD-000001');

    await chat.say('agent');
    await chat.say('Teams has no sound');
    await chat.say('1');
    await chat.say('1');
    expect(desk.ticket('SD-000002').request).toMatchObject({ impact: 'low', urgency: 'high' });
    expect(desk.ticket('SD-000001').survey?.score).toBeUndefined();
  });

  it('a failed search leads to a person with the reason and the problem', async () => {
    const { chat, desk, kb, t } = setUp({ language: 'en' });
    kb.searchDown = true;
    const [down] = await chat.say('my vpn is broken');
    expect(down!.text).toBe(t('bot:kb.search_down'));
    const [impact] = await chat.press('kbfix.human');
    expect(impact!.text).toBe(`${t('bot:escalate.intro.kb_unavailable')} ${t('bot:escalate.ask_impact')}`);
    await chat.say('1');
    await chat.say('3');
    expect(desk.ticket('SD-000001').request.context).toMatchObject({ reason: 'kb_unavailable', problem: 'my vpn is broken' });
  });

  it('es: when no article fits a reported problem, it goes to a person without asking for the problem again', async () => {
    const { chat, desk, t } = setUp({ language: 'es' });
    const [nothing, impact] = await chat.say('la impresora no funciona');
    expect(nothing!.text).toBe(t('bot:kb.nothing_found'));
    expect(impact!.text).toBe(`${t('bot:escalate.intro.kb_nothing_found')} ${t('bot:escalate.ask_impact')}`);
    await chat.press('escalate.impact.low');
    await chat.press('escalate.urgency.medium');
    expect(desk.ticket('SD-000001').request.context).toMatchObject({ reason: 'kb_nothing_found', problem: 'la impresora no funciona', tried: [] });
  });
});
