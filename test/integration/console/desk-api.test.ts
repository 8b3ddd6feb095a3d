import { ChatSession } from '../../helpers/chat-client.js';
import { ConsoleClient, openConsoleStream, type ServerEvent } from '../../helpers/console-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { ADMIN, answerUntilTicket, nextMatching, signedInStaff } from '../../helpers/service-desk-client.js';

interface ErrorBody {
  error?: { code: string; message: string };
}
interface TicketJson {
  number: string;
  status: string;
  queueId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  sla: { response: { state: string; dueAt: string | null } };
}
interface DetailJson {
  ticket: TicketJson;
  timeline: Array<{ kind: string; data: Record<string, unknown> }>;
  transcript: Array<{ id: string; role: string; text: string }>;
}

describe('the analysts desk API', () => {
  let mesa: InProcessMesa;
  let admin: ConsoleClient;
  let lucia: ConsoleClient;
  let marco: ConsoleClient;
  let bruno: ConsoleClient;
  let kim: ConsoleClient;

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password });
    admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    lucia = await signedInStaff(mesa.url, admin, { email: 'lucia@example.com', name: 'Lucía', roles: ['l1_analyst'] });
    marco = await signedInStaff(mesa.url, admin, { email: 'marco@example.com', name: 'Marco', roles: ['l1_analyst'] });
    bruno = await signedInStaff(mesa.url, admin, { email: 'bruno@example.com', name: 'Bruno', roles: ['l2_analyst'] });
    kim = await signedInStaff(mesa.url, admin, { email: 'kim@example.com', name: 'Kim', roles: ['knowledge_manager'] });
  }, 120_000);

  afterAll(async () => {
    await mesa?.stop();
  });

  /** A user in the web chat who asked for a person and described the problem: a ticket waits in L1. */
  async function userWithTicket(problem: string, locale = 'en'): Promise<{ chat: ChatSession; number: string }> {
    const chat = await ChatSession.create(mesa.url, { locale });
    await chat.ask('I want to talk to a human agent');
    const opened = await answerUntilTicket(chat, await chat.ask(problem));
    return { chat, number: opened.ticket!.number };
  }

  async function post<T = ErrorBody>(client: ConsoleClient, path: string, body: unknown = {}, headers: Record<string, string> = {}) {
    return client.call<T>('POST', `/desk${path}`, body, headers);
  }

  it('refuses people without a desk role, and anyone not signed in', async () => {
    const asKnowledgeManager = await kim.call<ErrorBody>('GET', '/desk/queues');
    expect(asKnowledgeManager.status).toBe(403);
    expect(asKnowledgeManager.body.error?.code).toBe('forbidden');
    expect((await kim.call<ErrorBody>('GET', '/desk/tickets?scope=all')).status).toBe(403);
    expect((await new ConsoleClient(mesa.url).call<ErrorBody>('GET', '/desk/queues')).status).toBe(401);
    const stream = await openConsoleStream(kim, '/desk/stream');
    expect(stream.status).toBe(403);
  });

  it('shows an L1 analyst the L1 queue with a running SLA, and keeps L2 tickets out of their sight', async () => {
    const { number } = await userWithTicket('My laptop screen stays black after the update');
    const queues = await lucia.call<{ queues: Array<{ id: string; waiting: number }> }>('GET', '/desk/queues');
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((queue) => queue.id)).toEqual(['l1']);
    const listed = await lucia.call<{ tickets: TicketJson[] }>('GET', '/desk/tickets?scope=queue&queue=l1');
    const ticket = listed.body.tickets.find((candidate) => candidate.number === number);
    expect(ticket).toMatchObject({ status: 'new', assigneeId: null, sla: { response: { state: 'running' } } });
    expect(Date.parse(ticket!.sla.response.dueAt!)).toBeGreaterThan(Date.now());

    expect((await post(lucia, `/tickets/${number}/claim`)).status).toBe(200);
    const escalated = await post<{ ticket: TicketJson }>(lucia, `/tickets/${number}/escalate`, { reason: 'needs the imaging team' });
    expect(escalated.status).toBe(200);
    expect(escalated.body.ticket.queueId).toBe('l2');

    const seenByL1 = await lucia.call<ErrorBody>('GET', `/desk/tickets/${number}`);
    expect([403, 404]).toContain(seenByL1.status);
    expect((await lucia.call<ErrorBody>('GET', '/desk/tickets?scope=queue&queue=l2')).status).toBe(403);
    const seenByL2 = await bruno.call<DetailJson>('GET', `/desk/tickets/${number}`);
    expect(seenByL2.status).toBe(200);
    expect(seenByL2.body.timeline.some((entry) => entry.kind === 'transferred' && JSON.stringify(entry.data).includes('needs the imaging team'))).toBe(true);
  }, 60_000);

  it('answers unknown tickets with 404 and bad bodies with a 4xx that says what is wrong', async () => {
    const unknown = await lucia.call<ErrorBody>('GET', '/desk/tickets/SD-999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: 'ticket_not_found', message: expect.stringContaining('SD-999999') });
    expect((await lucia.call<ErrorBody>('GET', '/desk/tickets/not-a-ticket')).status).toBe(404);
    expect((await post(lucia, '/tickets/SD-999999/claim')).status).toBe(404);

    const { number } = await userWithTicket('The printer on floor two jams on every page');
    expect((await post(lucia, `/tickets/${number}/claim`)).status).toBe(200);

    const empty = await post(lucia, `/tickets/${number}/replies`, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.code).toBe('empty_text');
    const oversized = await post(lucia, `/tickets/${number}/replies`, { text: 'x'.repeat(4001) });
    expect(oversized.status).toBe(413);
    expect(oversized.body.error?.message).toContain('4001');
    const noText = await post(lucia, `/tickets/${number}/notes`, { note: 'wrong field' });
    expect(noText.status).toBe(400);
    expect(noText.body.error?.code).toBe('invalid_request');

    const unknownQueue = await post(lucia, `/tickets/${number}/transfer`, { queueId: 'nowhere', reason: 'try elsewhere' });
    expect(unknownQueue.status).toBe(404);
    expect(unknownQueue.body.error?.code).toBe('queue_not_found');
    const noReason = await post(lucia, `/tickets/${number}/escalate`, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error?.message).toMatch(/reason/);

    const badClose = await post(lucia, `/tickets/${number}/close`, { reason: 'boring' });
    expect(badClose.status).toBe(400);
    expect(badClose.body.error?.code).toBe('invalid_request');
    expect(badClose.body.error?.message).toMatch(/duplicate/);

    const inSpanish = await post(lucia, `/tickets/${number}/replies`, { text: '' }, { 'accept-language': 'es-ES' });
    expect(inSpanish.body.error?.message).toBe('El mensaje está vacío. Escribe algo, por favor.');
  }, 60_000);

  it('gives a conversation to the first analyst and names them to the second', async () => {
    const { number } = await userWithTicket('Outlook keeps asking for my password');
    // No body at all is fine for actions that need none, but not from another site.
    expect((await marco.call<ErrorBody>('POST', `/desk/tickets/${number}/claim`, undefined, { origin: 'https://evil.example.com' })).status).toBe(403);
    const first = await marco.call<{ ticket: TicketJson }>('POST', `/desk/tickets/${number}/claim`);
    expect(first.status).toBe(200);
    expect(first.body.ticket).toMatchObject({ assigneeName: 'Marco', status: expect.stringMatching(/assigned|in_progress/) });
    const second = await post(lucia, `/tickets/${number}/claim`);
    expect(second.status).toBe(409);
    expect(second.body.error?.code).toBe('already_claimed');
    expect(second.body.error?.message).toContain('Marco');
    // Only the holder talks to the user.
    expect((await post(lucia, `/tickets/${number}/replies`, { text: 'Hi, Lucía here' })).status).toBe(409);
  }, 60_000);

  it("puts the analyst's reply in the user's web chat as `agent` and keeps notes internal", async () => {
    const { chat, number } = await userWithTicket('The VPN drops every ten minutes');
    expect((await post(lucia, `/tickets/${number}/claim`)).status).toBe(200);
    const reply = await post<{ message: { id: string; role: string; text: string } }>(lucia, `/tickets/${number}/replies`, { text: 'Hi, I am looking at your VPN now.' });
    expect(reply.status).toBe(201);
    expect(reply.body.message).toMatchObject({ role: 'agent', text: 'Hi, I am looking at your VPN now.' });
    const note = await post<{ entry: { kind: string } }>(lucia, `/tickets/${number}/notes`, { text: 'secret: gateway 7 is flaky' });
    expect(note.status).toBe(201);
    expect(note.body.entry.kind).toBe('note');

    const agent = await nextMatching(chat, (message) => message.role === 'agent');
    expect(agent.text).toBe('Hi, I am looking at your VPN now.');
    await mesa.mesa.runner.idle();
    expect((await chat.history()).some((message) => message.text.includes('gateway 7'))).toBe(false);
    const detail = await lucia.call<DetailJson>('GET', `/desk/tickets/${number}`);
    expect(detail.body.transcript.at(-1)).toMatchObject({ role: 'agent', text: 'Hi, I am looking at your VPN now.' });
    expect(detail.body.timeline.some((entry) => entry.kind === 'note' && entry.data.text === 'secret: gateway 7 is flaky')).toBe(true);
  }, 60_000);

  it('streams new tickets to the queue and the live conversation to the ticket view', async () => {
    // Marco, who holds the fewest conversations so far, so his capacity is not what this test measures.
    const desk = await openConsoleStream(marco, '/desk/stream');
    try {
      expect(desk.status).toBe(200);
      expect(desk.contentType).toMatch(/^text\/event-stream/);
      const { chat, number } = await userWithTicket('Teams crashes when I share my screen');
      const isTicket = (event: ServerEvent): boolean => event.event === 'desk' && (event.data as { number?: string }).number === number;
      await desk.next((event) => isTicket(event) && (event.data as { type: string }).type === 'ticket');
      await desk.next((event) => isTicket(event) && (event.data as { type: string }).type === 'queue_alert');

      expect((await post(marco, `/tickets/${number}/claim`)).status).toBe(200);
      const detail = await marco.call<DetailJson>('GET', `/desk/tickets/${number}`);
      const conversation = await openConsoleStream(marco, `/desk/tickets/${number}/stream?after=${detail.body.transcript.at(-1)!.id}`);
      try {
        expect(conversation.status).toBe(200);
        await fetch(`${mesa.url}/api/chat/sessions/${chat.sessionId}/typing`, { method: 'POST', headers: { authorization: `Bearer ${chat.token}` } });
        await conversation.next((event) => event.event === 'typing' && (event.data as { by: string }).by === 'user');
        await chat.say('<b>still</b> crashing');
        const message = await conversation.next((event) => event.event === 'message' && (event.data as { role: string }).role === 'user');
        expect(message.data).toMatchObject({ role: 'user', text: '<b>still</b> crashing' });
        expect(message.id).toBe((message.data as { id: string }).id);
      } finally {
        conversation.close();
      }
    } finally {
      desk.close();
    }
  }, 60_000);

  it('lets a coordinator list complaints and set analyst profiles, and nobody else', async () => {
    const carmen = await signedInStaff(mesa.url, admin, { email: 'carmen@example.com', name: 'Carmen', roles: ['coordinator'] });
    expect((await carmen.call('GET', '/desk/complaints')).status).toBe(200);
    expect((await lucia.call('GET', '/desk/complaints')).status).toBe(403);
    const own = await lucia.call<{ analystId: string; capacity: number }>('GET', '/desk/analysts/me/profile');
    expect(own.status).toBe(200);
    const luciaId = own.body.analystId;
    expect((await lucia.call('PUT', `/desk/analysts/${luciaId}/profile`, { languages: ['es'], categories: ['*'], capacity: 9 })).status).toBe(403);
    const set = await carmen.call('PUT', `/desk/analysts/${luciaId}/profile`, { languages: ['es', 'en'], categories: ['network'], capacity: 2 });
    expect(set.status).toBe(200);
    expect((await lucia.call('GET', '/desk/analysts/me/profile')).body).toMatchObject({ languages: ['es', 'en'], categories: ['network'], capacity: 2 });
    const badCapacity = await carmen.call<ErrorBody>('PUT', `/desk/analysts/${luciaId}/profile`, { languages: ['es'], categories: ['*'], capacity: 0 });
    expect(badCapacity.status).toBe(400);
    expect(badCapacity.body.error?.message).toMatch(/capacity/);
    // Back to defaults-like values so the other tests' claims are not limited.
    await carmen.call('PUT', `/desk/analysts/${luciaId}/profile`, { languages: ['en', 'es', 'pt', 'it'], categories: ['*'], capacity: 10 });
  });
});

describe('the analysts live feed when Mesa stops', () => {
  it('ends open streams so the server can shut down', async () => {
    const mesa = await startInProcess({ MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password });
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    const feed = await openConsoleStream(admin, '/desk/stream');
    expect(feed.status).toBe(200);
    await mesa.stop();
    await feed.closedByServer();
  }, 60_000);
});
