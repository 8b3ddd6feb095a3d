import { ids, loadLanguage, buildEngine, Chat, TestClock, type Language4 } from './helpers/chat.js';
import { MemoryHelpDesk } from './helpers/memory-help-desk.js';

let language: Language4;
beforeAll(async () => {
  language = await loadLanguage();
});

/** A user whose ticket SD-000001 an analyst has just resolved; returns the "did this fix it?" notice. */
async function resolved(lang: 'en' | 'es') {
  const clock = new TestClock();
  const desk = new MemoryHelpDesk();
  const chat = new Chat(buildEngine(language, { desk, clock }), language, { language: lang, clock });
  await chat.say(lang === 'en' ? 'agent' : 'agente');
  await chat.say(lang === 'en' ? 'The scanner on floor 3 does not scan' : 'El escáner de la tercera planta no escanea');
  await chat.press('escalate.impact.medium');
  await chat.press('escalate.urgency.medium');
  desk.claim('SD-000001', 'Ana');
  desk.resolve('SD-000001');
  const notice = chat.notice({ kind: 'resolved', number: 'SD-000001', resolution: 'Driver reinstalled.', autoCloseHours: 72 });
  return { chat, desk, t: chat.t, notice };
}

describe('answering "did this fix it?"', () => {
  it('"yes, it\'s fixed" closes the ticket and thanks the user; pressing it again is explained kindly', async () => {
    const { chat, desk, t, notice } = await resolved('en');
    expect(ids(notice)).toEqual(['ticket.confirm.SD-000001', 'ticket.reject.SD-000001']);
    const [thanks] = await chat.press('ticket.confirm.SD-000001');
    expect(thanks).toEqual({ text: t('bot:ticket.confirmed', { number: 'SD-000001' }), ticket: { number: 'SD-000001', status: 'closed' } });
    expect(desk.ticket('SD-000001').closeReason).toBe('confirmed');

    const [again] = await chat.press('ticket.confirm.SD-000001');
    expect(again).toEqual({ text: t('bot:ticket.cannot_change', { number: 'SD-000001', status: t('bot:ticket.status.closed') }), ticket: { number: 'SD-000001', status: 'closed' } });
  });

  it('es: "no, it\'s still broken" sends it back to the same queue and says so', async () => {
    const { chat, desk, t } = await resolved('es');
    const [reopened] = await chat.press('ticket.reject.SD-000001');
    expect(reopened).toEqual({ text: t('bot:ticket.rejected', { number: 'SD-000001', queue: 'L1 Service Desk' }), ticket: { number: 'SD-000001', status: 'reopened' } });
    expect(desk.ticket('SD-000001').summary).toMatchObject({ status: 'reopened', queueName: 'L1 Service Desk' });

    const [late] = await chat.press('ticket.confirm.SD-000001');
    expect(late!.text).toBe(t('bot:ticket.cannot_change', { number: 'SD-000001', status: t('bot:ticket.status.reopened') }));
  });

  it('a button for someone else\'s ticket changes nothing', async () => {
    const { desk } = await resolved('en');
    const clock = new TestClock();
    const stranger = new Chat(buildEngine(language, { desk, clock }), language, { language: 'en', userId: 'mallory', clock });
    const [refused] = await stranger.press('ticket.confirm.SD-000001');
    expect(refused!.text).toBe(stranger.t('bot:ticket.not_found', { number: 'SD-000001' }));
    expect(desk.ticket('SD-000001').summary.status).toBe('resolved');
  });
});
