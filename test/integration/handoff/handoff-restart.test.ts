import { ChatSession } from '../../helpers/chat-client.js';
import { ConsoleClient } from '../../helpers/console-client.js';
import { ADMIN, answerUntilTicket, nextMatching, signedInStaff } from '../../helpers/service-desk-client.js';
import { freshDataDir, startMesa, type RunningMesa } from '../../helpers/start-mesa.js';

const env = { MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password, MESA_CHAT_RATE_LIMIT: '1000' };

describe('a live handoff survives a crash of the server', () => {
  let running: RunningMesa | undefined;

  afterEach(async () => {
    await running?.stop();
  });

  it('after kill -9 and a restart the analyst still has the chat, every user message is there, the bot stays silent until handed back', async () => {
    const dataDir = freshDataDir();
    running = await startMesa({ dataDir, env });
    const admin = await ConsoleClient.signedIn(running.url, ADMIN.email, ADMIN.password);
    const analyst = await signedInStaff(running.url, admin, { email: 'ana@example.com', name: 'Ana', roles: ['l1_analyst'] });

    const chat = await ChatSession.create(running.url, { locale: 'en', user: { id: 'sam@acme.example' } });
    await chat.ask('I want to talk to a person');
    const number = (await answerUntilTicket(chat, await chat.ask('My laptop screen flickers all the time'))).ticket!.number;
    expect((await analyst.call('POST', `/desk/tickets/${number}/claim`)).status).toBe(200);
    await analyst.call('POST', `/desk/tickets/${number}/replies`, { text: 'Hi Sam, does it happen on battery too?' });
    await nextMatching(chat, (message) => message.role === 'agent');

    const typedDuringCrash = ['yes, on battery too', 'and with an external monitor it is fine', 'it started after an update'];
    for (const text of typedDuringCrash) await chat.say(text);
    await running.kill();

    running = await startMesa({ dataDir, env });
    const resumed = new ChatSession(running.url, chat.sessionId, chat.token);
    resumed.cursor = chat.cursor;
    const sameAnalyst = new ConsoleClient(running.url);
    sameAnalyst.cookie = analyst.cookie;

    // The analyst's view after the restart: still theirs, still live, nothing the user wrote is missing.
    const detail = await sameAnalyst.call<{ ticket: { status: string; handoff: string; assigneeId: string | null }; transcript: Array<{ role: string; text: string }> }>('GET', `/desk/tickets/${number}`);
    expect(detail.status).toBe(200);
    expect(detail.body.ticket.handoff).toBe('live');
    expect(detail.body.transcript.filter((message) => message.role === 'user').map((message) => message.text).slice(-3)).toEqual(typedDuringCrash);

    // The chat goes on with the analyst; then they hand it back and the bot answers again.
    await sameAnalyst.call('POST', `/desk/tickets/${number}/replies`, { text: 'Thanks, I am updating the display driver now.' });
    expect((await nextMatching(resumed, (message) => message.role === 'agent')).text).toBe('Thanks, I am updating the display driver now.');
    expect((await sameAnalyst.call('POST', `/desk/tickets/${number}/hand-back`)).status).toBe(200);
    await nextMatching(resumed, (message) => message.role === 'bot');
    const greeting = await resumed.ask('hello');
    expect(greeting.role).toBe('bot');

    // Between the analyst's first reply and the hand-back, only people spoke: the bot never talked over them.
    const history = await resumed.history();
    const firstAgent = history.findIndex((message) => message.role === 'agent');
    const handBack = history.findIndex((message, index) => index > firstAgent && message.role === 'bot');
    expect(history.slice(firstAgent, handBack).map((message) => message.role)).toEqual(['agent', 'user', 'user', 'user', 'agent']);
  }, 90_000);
});
