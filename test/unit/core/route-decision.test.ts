import { decideRoute, ROUTING, type RouteInput } from '../../../bot/core/route-decision.js';
import type { KnowledgeHit } from '../../../bot/core/knowledge-base.js';
import { loadMessageCues } from '../../../bot/nlu/message-cues.js';
import type { IntentName } from '../../../bot/nlu/nlu.js';

const cues = loadMessageCues();
const article: KnowledgeHit = { id: 'mailbox-full', language: 'en', title: 'My mailbox is full' };

function input(text: string, intent: IntentName | null, score: number, hits: KnowledgeHit[] | null = [article]): RouteInput & { searched: () => boolean } {
  let searched = false;
  return {
    understanding: { intent, score, alternatives: intent ? [{ intent, score }] : [] },
    signals: cues.read(text),
    mentionsTicket: /sd-?\d+/i.test(text),
    ...(hits ? { search: async () => ((searched = true), hits) } : {}),
    searched: () => searched,
  };
}

describe('routing decision: a command wins only when it is confidently that and no problem is described', () => {
  it('acts on a short confident command without asking the knowledge base', async () => {
    const asked = input('any ticket news', 'ticket_status', 0.95);
    expect(await decideRoute(asked)).toMatchObject({ kind: 'intent', intent: 'ticket_status' });
    expect(asked.searched()).toBe(false);
  });

  it('offers the article when a "ticket status" reading is really a mail problem', async () => {
    expect(await decideRoute(input('my inbox says it is full and no mail arrives', 'ticket_status', 0.9))).toMatchObject({ kind: 'articles', hits: [article], choice: 'ticket_status' });
  });

  it('asks instead of answering "you have no tickets" when nothing in the knowledge base matches a problem', async () => {
    expect(await decideRoute(input('my inbox does not work', 'ticket_status', 0.9, []))).toMatchObject({ kind: 'unknown' });
  });

  it('sends "reset my password" for the company account to the password flow', async () => {
    expect(await decideRoute(input('reset my password', 'reset_password', 0.97))).toMatchObject({ kind: 'intent', intent: 'reset_password' });
    expect(await decideRoute(input('olvidé mi contraseña', 'reset_password', 0.97))).toMatchObject({ kind: 'intent', intent: 'reset_password' });
  });

  it('offers an application\'s own article first, with the account flow as a choice', async () => {
    const sap = { id: 'sap-user-locked', language: 'en' as const, title: 'SAP says my user is locked' };
    expect(await decideRoute(input('the ERP says my user is locked', 'unlock_account', 0.92, [sap]))).toMatchObject({ kind: 'articles', hits: [sap], choice: 'unlock_account' });
    expect(await decideRoute(input('unlock my SAP user', 'unlock_account', 0.92, [sap]))).toMatchObject({ kind: 'articles', choice: 'unlock_account' });
  });

  it('offers the expired-password article with the reset flow as a choice', async () => {
    const expired = { id: 'password-expired-change', language: 'en' as const, title: 'My password has expired' };
    expect(await decideRoute(input('my password expired, how do I change it', 'reset_password', 0.9, [expired]))).toMatchObject({ kind: 'articles', choice: 'reset_password' });
  });

  it('keeps a confident command over a weak article match, and gives way to a strong one', async () => {
    const weak = { ...article, confidence: ROUTING.strongMatch / 2 };
    expect(await decideRoute(input('show me the main options', 'help', 0.95, [weak]))).toMatchObject({ kind: 'intent', intent: 'help' });
    const strong = { ...article, confidence: ROUTING.strongMatch * 1.5 };
    expect(await decideRoute(input('show me the main options', 'help', 0.95, [strong]))).toMatchObject({ kind: 'articles', choice: 'help' });
  });

  it('asks instead of offering a weak article for life outside IT', async () => {
    const weak = { id: 'account-locked-what-to-do', language: 'pt' as const, title: 'Minha conta está bloqueada', confidence: ROUTING.offTopicMatch / 2 };
    expect(await decideRoute(input('como troco a senha do meu cartão do banco?', 'report_problem', 0.7, [weak]))).toMatchObject({ kind: 'unknown', hits: [] });
    expect(await decideRoute(input('como troco a senha do meu cartão do banco?', null, 0, [weak]))).toMatchObject({ kind: 'unknown', hits: [] });
    const strong = { ...weak, confidence: ROUTING.offTopicMatch * 1.5 };
    expect(await decideRoute(input('the bank portal says my account is locked', 'report_problem', 0.7, [strong]))).toMatchObject({ kind: 'articles' });
  });

  it('falls back to the command when the knowledge base has nothing', async () => {
    expect(await decideRoute(input('my SAP password expired', 'reset_password', 0.9, []))).toMatchObject({ kind: 'intent', intent: 'reset_password' });
  });

  it('switches language on a short request naming one, and searches a sentence that merely mentions a language', async () => {
    const named = input('english please', 'switch_language', 0.9);
    named.understanding.requestedLanguage = 'en';
    expect(await decideRoute(named)).toMatchObject({ kind: 'intent', intent: 'switch_language' });
    expect(await decideRoute(input('teams mudo, nao escuto ninguem', 'switch_language', 0.7))).toMatchObject({ kind: 'articles' });
  });

  it('searches a "how do I" question before showing the menu', async () => {
    expect(await decideRoute(input('how do I get my work mail on my phone', 'help', 0.85))).toMatchObject({ kind: 'articles' });
  });

  it('searches for messages with no confident intent and for problem intents, and passes on what it found', async () => {
    expect(await decideRoute(input('purple elephants', null, 0.2, []))).toMatchObject({ kind: 'unknown', hits: [] });
    expect(await decideRoute(input('printer broken', 'report_problem', 0.9, []))).toMatchObject({ kind: 'intent', intent: 'report_problem', hits: [] });
    expect(await decideRoute(input('printer broken', 'report_problem', 0.9))).toMatchObject({ kind: 'articles', hits: [article] });
  });

  it('routes as classified without a knowledge base', async () => {
    expect(await decideRoute(input('how do I change my password', 'reset_password', 0.9, null))).toMatchObject({ kind: 'intent', intent: 'reset_password' });
  });

  it('treats long messages as descriptions', () => {
    expect(cues.read('one two three four five six seven').words).toBeGreaterThan(ROUTING.maxCommandWords);
  });
});

describe('message cues', () => {
  it.each([
    ['en', "outlook doesn't open", true],
    ['es', 'no me deja entrar al correo', true],
    ['pt', 'não consigo imprimir', true],
    ['it', 'non riesco a stampare', true],
    ['en', 'hello', false],
    ['es', 'estado de mi ticket', false],
  ])('%s "%s" describes a problem: %s', (_language, text, expected) => {
    expect(cues.read(text).describesProblem).toBe(expected);
  });

  it('tells a reset request from a description of a state, and names applications', () => {
    expect(cues.read('reset my password').asksForAction).toBe(true);
    expect(cues.read('acct locked').asksForAction).toBe(false);
    expect(cues.read('mi usuario de SAP está bloqueado').application).toBe('sap');
    expect(cues.read('I forgot my password').application).toBeNull();
    expect(cues.read('quando cai o salário?').offTopic).toBe('salario');
    expect(cues.read('outlook no abre').offTopic).toBeNull();
  });
});
