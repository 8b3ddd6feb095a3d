import { ids, loadLanguage, buildEngine, Chat, TestClock, type Language4 } from './helpers/chat.js';
import { MemoryHelpDesk } from './helpers/memory-help-desk.js';

let language: Language4;
beforeAll(async () => {
  language = await loadLanguage();
});

const SCORE_BUTTONS = [1, 2, 3, 4, 5].map((score) => `survey.SD-000001.${score}`);

/** A user whose ticket SD-000001 was closed and who was just sent the survey. */
async function surveyed(lang: 'en' | 'es') {
  const clock = new TestClock();
  const desk = new MemoryHelpDesk();
  const chat = new Chat(buildEngine(language, { desk, clock }), language, { language: lang, clock });
  await chat.say(lang === 'en' ? 'agent' : 'agente');
  await chat.say(lang === 'en' ? 'I cannot open shared drive S:' : 'No puedo abrir la unidad compartida S:');
  await chat.press('escalate.impact.low');
  await chat.press('escalate.urgency.low');
  desk.claim('SD-000001', 'Ana');
  desk.resolve('SD-000001');
  await chat.press('ticket.confirm.SD-000001');
  desk.closeAndSurvey('SD-000001', 'confirmed');
  return { chat, desk, clock, t: chat.t, survey: chat.notice({ kind: 'survey', number: 'SD-000001' }) };
}

const survey = (desk: MemoryHelpDesk) => desk.ticket('SD-000001').survey;

describe('the satisfaction survey in the chat', () => {
  it('a 4 is recorded at once, the optional comment is asked for and stored', async () => {
    const { chat, desk, t, survey: notice } = await surveyed('en');
    expect(notice.text).toBe(t('bot:survey.prompt', { number: 'SD-000001' }));
    expect(ids(notice)).toEqual(SCORE_BUTTONS);

    const [thanks] = await chat.press('survey.SD-000001.4');
    expect(thanks).toEqual({
      text: `${t('bot:survey.thanks', { number: 'SD-000001' })} ${t('bot:survey.ask_comment')}`,
      ticket: { number: 'SD-000001', status: 'closed' },
      actions: [{ id: 'survey.SD-000001.skip', label: t('bot:survey.no_comment_button') }],
    });
    expect(survey(desk)).toEqual({ asked: true, score: 4 });

    const [done] = await chat.say('Ana was quick and friendly');
    expect(done!.text).toBe(t('bot:survey.comment_thanks'));
    expect(survey(desk)).toEqual({ asked: true, score: 4, comment: 'Ana was quick and friendly' });
    expect(desk.complaints).toEqual([]);
  });

  it('es: a 2 is a complaint, and the user is told kindly a coordinator will review it', async () => {
    const { chat, desk, t } = await surveyed('es');
    const [reply] = await chat.press('survey.SD-000001.2');
    expect(reply!.text).toBe([t('bot:survey.thanks', { number: 'SD-000001' }), t('bot:survey.complaint', { number: 'SD-000001' }), t('bot:survey.ask_comment')].join(' '));
    expect(desk.complaints).toEqual(['SD-000001']);
    const [skipped] = await chat.press('survey.SD-000001.skip');
    expect(skipped!.text).toBe(t('bot:survey.no_comment'));
    const [greeting] = await chat.say('hola');
    expect(greeting!.text).toBe(t('bot:greeting'));
    expect(survey(desk)).toEqual({ asked: true, score: 2 });
  });

  it('a comment that reads as a complaint is passed to a coordinator', async () => {
    const { chat, desk, t } = await surveyed('en');
    await chat.press('survey.SD-000001.3');
    const [reply] = await chat.say('Terrible, I had to call three times before anyone answered');
    expect(reply!.text).toBe(t('bot:survey.comment_complaint'));
    expect(desk.complaints).toEqual(['SD-000001']);
  });

  it.each(['4', 'cuatro estrellas', '4/5'])('es: a typed "%s" answers the pending survey', async (typed) => {
    const { chat, desk, t } = await surveyed('es');
    const [reply] = await chat.say(typed);
    expect(reply!.text).toBe(`${t('bot:survey.thanks', { number: 'SD-000001' })} ${t('bot:survey.ask_comment')}`);
    expect(survey(desk)?.score).toBe(4);
  });

  it('a typed "7" or "0" gets the 1-to-5 scale again, and nothing is recorded', async () => {
    const { chat, desk, t } = await surveyed('en');
    for (const typed of ['7', '0']) {
      const [again] = await chat.say(typed);
      expect(again!.text).toBe(t('bot:survey.out_of_range', { number: 'SD-000001' }));
      expect(ids(again)).toEqual(SCORE_BUTTONS);
    }
    expect(survey(desk)?.score).toBeUndefined();
    await chat.say('five stars');
    expect(survey(desk)?.score).toBe(5);
  });

  it('rating twice is answered with thanks, and the first rating stands', async () => {
    const { chat, desk, t } = await surveyed('en');
    await chat.press('survey.SD-000001.5');
    await chat.press('survey.SD-000001.skip');
    const [again] = await chat.press('survey.SD-000001.1');
    expect(again!.text).toBe(t('bot:survey.already_answered', { number: 'SD-000001' }));
    expect(survey(desk)?.score).toBe(5);
    expect(desk.complaints).toEqual([]);
  });

  it('moving on with another button ends the wait for a comment; the score is kept and later words are not a comment', async () => {
    const { chat, desk, t } = await surveyed('en');
    await chat.press('survey.SD-000001.4');
    const [menu] = await chat.press('intent.help');
    expect(menu!.text).toBe(t('bot:menu.prompt'));
    const [answer] = await chat.say('I forgot my password');
    expect(answer!.text).toBe(t('bot:coming_soon.reset_password'));
    expect(survey(desk)).toEqual({ asked: true, score: 4 });
  });

  it('a comment asked for long ago is not waited for any more', async () => {
    const { chat, desk, clock, t } = await surveyed('en');
    await chat.press('survey.SD-000001.4');
    clock.advance(24 * 60);
    const [greeting] = await chat.say('hello');
    expect(greeting!.text).toBe(t('bot:greeting'));
    expect(survey(desk)?.comment).toBeUndefined();
  });
});
