import { findTicketNumber } from '../../../bot/flows/ticket-number.js';
import { ids, loadLanguage, buildEngine, Chat, TestClock, type Language4 } from './helpers/chat.js';
import { MemoryHelpDesk } from './helpers/memory-help-desk.js';

let language: Language4;
beforeAll(async () => {
  language = await loadLanguage();
});

function setUp() {
  const clock = new TestClock();
  const desk = new MemoryHelpDesk();
  const engine = buildEngine(language, { desk, clock });
  // A later conversation of the same user (another day, another channel): the first one is still in the queue.
  const user = (userId: string, lang: 'en' | 'es', conversationId?: string) => new Chat(engine, language, { language: lang, userId, clock, ...(conversationId ? { conversationId } : {}) });
  return { desk, clock, user };
}

async function openTicket(chat: Chat, problem: string): Promise<void> {
  await chat.say(chat.options.language === 'es' ? 'agente' : 'agent');
  await chat.say(problem);
  await chat.press('escalate.impact.low');
  await chat.press('escalate.urgency.low');
}

describe('the status of my tickets', () => {
  it('with no tickets says so and offers the menu', async () => {
    const { user } = setUp();
    const chat = user('u1', 'en');
    const [none] = await chat.say("what's the status of my ticket?");
    expect(none!.text).toBe(chat.t('bot:ticket.none'));
    expect(ids(none)).toContain('intent.human');
  });

  it('es: lists only the user\'s own tickets, newest first, with the status in plain words and who has it', async () => {
    const { desk, clock, user } = setUp();
    const maria = user('maria', 'es');
    const pedro = user('pedro', 'es');
    await openTicket(maria, 'El portátil no arranca');
    desk.claim('SD-000001', 'Ana');
    desk.resolve('SD-000001');
    await openTicket(pedro, 'Necesito acceso a la carpeta de finanzas');
    clock.advance(5);
    await openTicket(maria, 'Teams no tiene sonido');
    desk.claim('SD-000003', 'Luis');
    desk.resolve('SD-000003');

    const t = maria.t;
    const [intro, newest, oldest, ...rest] = await maria.say('estado de mi ticket');
    expect(rest).toEqual([]);
    expect(intro!.text).toBe(t('bot:ticket.intro'));
    expect(newest).toMatchObject({ ticket: { number: 'SD-000003', status: 'resolved' } });
    expect(newest!.text).toBe(
      `${t('bot:ticket.card', { number: 'SD-000003', summary: 'Teams no tiene sonido', status: t('bot:ticket.status.resolved'), queue: 'L1 Service Desk' })}\n${t('bot:ticket.handled_by', { name: 'Luis' })}`,
    );
    expect(ids(newest)).toEqual(['ticket.confirm.SD-000003', 'ticket.reject.SD-000003']);
    expect(oldest).toMatchObject({ ticket: { number: 'SD-000001', status: 'resolved' } });
  });

  it('a ticket named by number is shown if it is the user\'s, and someone else\'s is "not among yours"', async () => {
    const { user } = setUp();
    const ana = user('ana', 'en');
    const bob = user('bob', 'en');
    await openTicket(ana, 'VPN drops every hour');
    await openTicket(bob, 'New laptop for the new hire');

    const [mine] = await user('ana', 'en', 'later').say('how is sd 1 going');
    expect(mine).toMatchObject({ ticket: { number: 'SD-000001', status: 'new' } });
    expect(mine!.text).toContain(ana.t('bot:ticket.status.new'));
    expect(mine!.text).toContain(ana.t('bot:ticket.unassigned'));

    const [theirs] = await user('ana', 'en', 'later').say('any update on SD-000002?');
    expect(theirs!.text).toBe(ana.t('bot:ticket.not_found', { number: 'SD-000002' }));
    expect(theirs!.ticket).toBeUndefined();
    expect(ids(theirs)).toEqual(['intent.ticket_status']);

    const [unknown] = await user('ana', 'en', 'later').say('status of ticket 4711');
    expect(unknown!.text).toBe(ana.t('bot:ticket.not_found', { number: 'SD-004711' }));
  });
});

describe('ticket numbers in the user\'s words', () => {
  it.each([
    ['SD-000123', 'SD-000123'],
    ['how is sd 123 going', 'SD-000123'],
    ['sd-42?', 'SD-000042'],
    ['check ticket #4567', 'SD-004567'],
    ['ticket 123 please', 'SD-000123'],
    ['my ticket from 2 days ago', null],
    ['status of my ticket', null],
  ])('"%s" names %s', (text, number) => {
    expect(findTicketNumber(text)).toBe(number);
  });

  it.each([
    ['how is IT-000123 going', 'IT-000123'],
    ['it 77 please', 'IT-000077'],
    ['#4567', 'IT-004567'],
    ['SD-000123', null],
  ])('with the prefix IT, "%s" names %s', (text, number) => {
    expect(findTicketNumber(text, 'IT')).toBe(number);
  });
});
