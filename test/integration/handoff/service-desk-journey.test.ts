import { ChatSession, type ChatMessage } from '../../helpers/chat-client.js';
import { ConsoleClient } from '../../helpers/console-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { ADMIN, answerUntilTicket, nextMatching, signedInStaff } from '../../helpers/service-desk-client.js';

interface TicketJson {
  number: string;
  status: string;
  queueId: string;
  language: string;
  channel: string;
  context: { reason: string; problem?: string; tried?: Array<{ id: string; stepsShown: number; outcome: string }> };
}
interface DetailJson {
  ticket: TicketJson;
  timeline: Array<{ kind: string; actor: string }>;
  transcript: ChatMessage[];
}

describe('from a problem the bot cannot fix to a person, a resolution the user confirms, and a complaint', () => {
  let mesa: InProcessMesa;
  let l1: ConsoleClient;
  let l2: ConsoleClient;
  let coordinator: ConsoleClient;

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_STARTER_KB: 'on', MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password });
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    l1 = await signedInStaff(mesa.url, admin, { email: 'lucia@example.com', name: 'Lucía', roles: ['l1_analyst'] });
    l2 = await signedInStaff(mesa.url, admin, { email: 'bruno@example.com', name: 'Bruno', roles: ['l2_analyst'] });
    coordinator = await signedInStaff(mesa.url, admin, { email: 'carmen@example.com', name: 'Carmen', roles: ['coordinator'] });
  }, 120_000);

  afterAll(async () => {
    await mesa?.stop();
  });

  async function detail(client: ConsoleClient, number: string): Promise<DetailJson> {
    const response = await client.call<DetailJson>('GET', `/desk/tickets/${number}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  async function act(client: ConsoleClient, number: string, action: string, body: Record<string, unknown> = {}): Promise<void> {
    const response = await client.call('POST', `/desk/tickets/${number}/${action}`, body);
    if (response.status >= 300) throw new Error(`${action} refused: ${response.status} ${JSON.stringify(response.body)}`);
  }

  /** Reaches a ticket the way each journey says, and returns the bot's message that names it. */
  const journeys: Array<{ language: 'es' | 'pt'; user: string; reach: (chat: ChatSession) => Promise<ChatMessage>; problem: RegExp; tried: boolean; agentSays: string; userSays: string }> = [
    {
      language: 'es',
      user: 'maria@acme.example',
      problem: /vpn/i,
      tried: true,
      agentSays: 'Hola María, ¿puedes reiniciar el cliente de la VPN?',
      userSays: 'Ya lo reinicié y sigue igual',
      async reach(chat) {
        const offer = await chat.ask('la VPN no me conecta desde casa');
        expect(offer.articles?.length).toBeGreaterThan(0);
        chat.cursor = await chat.press(offer.actions![0]!.id);
        const step = await nextMatching(chat, (message) => (message.actions ?? []).some((action) => action.id === 'kbfix.not_fixed'));
        expect(step.locale).toBe('es');
        chat.cursor = await chat.press('kbfix.not_fixed');
        return answerUntilTicket(chat, await nextMatching(chat, (message) => Boolean(message.actions?.length || message.ticket)));
      },
    },
    {
      language: 'pt',
      user: 'joao@acme.example',
      problem: /impressora/i,
      tried: false,
      agentSays: 'Olá João, qual é o modelo da impressora?',
      userSays: 'É uma HP do terceiro andar',
      async reach(chat) {
        await chat.ask('quero falar com um atendente');
        // Nothing is known yet, so the bot must ask what the problem is before anything else.
        const question = await chat.ask('A impressora do terceiro andar não imprime nada');
        return answerUntilTicket(chat, question);
      },
    },
  ];

  it.each(journeys)('in $language: escalation with context, live chat, L2 resolution, confirmation and a survey of 2', async (journey) => {
    const chat = await ChatSession.create(mesa.url, { locale: journey.language, user: { id: journey.user } });
    const opened = await journey.reach(chat);
    const number = opened.ticket!.number;
    expect(number).toMatch(/^SD-\d{6}$/);
    expect(opened.locale).toBe(journey.language);

    // The analyst gets everything the bot knew, and the user's own words.
    const queue = await l1.call<{ tickets: TicketJson[] }>('GET', '/desk/tickets?scope=queue&queue=l1');
    expect(queue.body.tickets.map((ticket) => ticket.number)).toContain(number);
    const context = await detail(l1, number);
    expect(context.ticket).toMatchObject({ language: journey.language, channel: 'webchat', status: 'new' });
    expect(context.ticket.context.problem).toMatch(journey.problem);
    if (journey.tried) {
      expect(context.ticket.context.reason).toBe('kb_not_fixed');
      expect(context.ticket.context.tried?.some((article) => article.outcome === 'not_fixed' && article.stepsShown > 0)).toBe(true);
    }
    expect(context.transcript.some((message) => message.role === 'user' && journey.problem.test(message.text))).toBe(true);

    // Live chat: the user sees the analyst as `agent`; the bot does not talk over them.
    await act(l1, number, 'claim');
    await nextMatching(chat, (message) => message.ticket?.number === number && message.text.includes('Lucía'));
    await act(l1, number, 'replies', { text: journey.agentSays });
    const agentMessage = await nextMatching(chat, (message) => message.role === 'agent');
    expect(agentMessage.text).toBe(journey.agentSays);
    await act(l1, number, 'notes', { text: 'internal: check the VPN concentrator logs' });
    await chat.say(journey.userSays);
    await mesa.mesa.runner.idle();
    const afterUser = (await chat.history()).slice(-2);
    expect(afterUser.map((message) => [message.role, message.text])).toEqual([
      ['agent', journey.agentSays],
      ['user', journey.userSays],
    ]);
    expect((await detail(l1, number)).transcript.at(-1)?.text).toBe(journey.userSays);

    // L1 escalates; L2 takes it and resolves it.
    await act(l1, number, 'escalate', { reason: 'needs network access' });
    const l2Queue = await l2.call<{ tickets: TicketJson[] }>('GET', '/desk/tickets?scope=queue&queue=l2');
    expect(l2Queue.body.tickets.map((ticket) => ticket.number)).toContain(number);
    await act(l2, number, 'claim');
    await act(l2, number, 'resolve', { resolution: 'Reset the profile on the gateway' });
    const resolved = await nextMatching(chat, (message) => (message.actions ?? []).some((action) => action.id === `ticket.confirm.${number}`));
    expect(resolved.ticket).toEqual({ number, status: 'resolved' });
    expect(resolved.locale).toBe(journey.language);

    // The user agrees, and is asked once to rate the help.
    chat.cursor = await chat.press(`ticket.confirm.${number}`);
    const survey = await nextMatching(chat, (message) => (message.actions ?? []).some((action) => action.id === `survey.${number}.2`));
    expect(survey.actions!.map((action) => action.id)).toEqual([1, 2, 3, 4, 5].map((score) => `survey.${number}.${score}`));
    chat.cursor = await chat.press(`survey.${number}.2`);
    await nextMatching(chat, () => true);

    // A 2 is a complaint for the coordinator; notes never reached the user.
    const complaints = await coordinator.call<{ complaints: Array<{ ticketNumber: string; score: number | null; status: string }> }>('GET', '/desk/complaints');
    expect(complaints.body.complaints).toContainEqual(expect.objectContaining({ ticketNumber: number, score: 2, status: 'open' }));
    const final = await detail(coordinator, number);
    expect(final.ticket.status).toBe('closed');
    expect(final.timeline.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['created', 'claimed', 'transferred', 'resolved', 'closed', 'survey_answered', 'complaint_opened']));
    expect((await chat.history()).some((message) => message.text.includes('concentrator'))).toBe(false);
  }, 60_000);
});
