import { ConsoleClient } from '../../helpers/console-client.js';
import { expectedTexts } from '../../helpers/expected-text.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { ADMIN, signedInStaff } from '../../helpers/service-desk-client.js';
import { conformanceHarnesses } from '../../helpers/channels/conformance-harnesses.js';
import type { ChannelHarness, ChannelUser, SeenReply } from '../../helpers/channels/channel-harness.js';

interface TicketJson {
  number: string;
  status: string;
  channel: string;
  language: string;
  context: { reason: string; problem?: string };
}

/** Takes the first offered choice until the bot names a ticket (the escalation's questions). */
async function answerUntilTicket(user: ChannelUser, reply: SeenReply): Promise<SeenReply> {
  let current = reply;
  for (let question = 0; !current.ticket; question++) {
    const choice = current.choices[0];
    if (!choice || question > 5) throw new Error(`the bot neither asked nor opened a ticket: ${current.text}`);
    await user.choose(choice);
    current = await user.next();
  }
  return current;
}

/**
 * One conversation, every channel: the same script runs through each adapter (its platform faked at the HTTP
 * or client boundary where the platform cannot run here) and must reach the same outcomes.
 */
describe.each(conformanceHarnesses())('channel conformance: $channel', (harness: ChannelHarness) => {
  let mesa: InProcessMesa;
  let analyst: ConsoleClient;

  beforeAll(async () => {
    const { env, extraChannels } = await harness.setUp();
    mesa = await startInProcess({ MESA_STARTER_KB: 'on', MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password, MESA_CHAT_RATE_LIMIT: '1000', ...env }, { ...(extraChannels ? { extraChannels } : {}) });
    await harness.attach(mesa);
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    analyst = await signedInStaff(mesa.url, admin, { email: `ana-${harness.channel}@example.com`, name: 'Ana', roles: ['l1_analyst'] });
  }, 120_000);

  afterAll(async () => {
    await mesa?.stop();
    await harness.tearDown();
  });

  async function act(number: string, action: string, body: Record<string, unknown> = {}): Promise<void> {
    const response = await analyst.call('POST', `/desk/tickets/${number}/${action}`, body);
    if (response.status >= 300) throw new Error(`${action} refused: ${response.status} ${JSON.stringify(response.body)}`);
  }

  it('greets in the user\'s language and switches language on request', async () => {
    const texts = await expectedTexts();
    const user = await harness.newUser(`greet-${harness.channel}`, 'es');
    await user.say('hola');
    const greeting = await user.next();
    expect(greeting.text).toBe(texts('es')('bot:greeting'));
    // Every channel shows the way to a person, whatever the number of choices it can show.
    expect(greeting.choices.map((choice) => choice.id)).toContain('intent.human');
    await user.say('in English please');
    expect((await user.next()).text).toBe(texts('en')('bot:language.switched'));
  });

  it('walks a KB fix, escalates with context, relays the analyst live, and runs the survey at closure', async () => {
    const user = await harness.newUser(`journey-${harness.channel}`, 'es');
    await user.say('la VPN no me conecta desde casa');
    const offer = await user.next((reply) => reply.choices.length > 0);
    expect(offer.choices.map((choice) => choice.label).join(' ')).toMatch(/VPN/i);
    await user.choose(offer.choices[0]!);
    const step = await user.next((reply) => reply.choices.some((choice) => choice.id === 'kbfix.not_fixed'));
    await user.choose(step.choices.find((choice) => choice.id === 'kbfix.not_fixed')!);
    const opened = await answerUntilTicket(user, await user.next((reply) => reply.choices.length > 0 || Boolean(reply.ticket)));
    const number = opened.ticket!.number;

    const detail = await analyst.call<{ ticket: TicketJson }>('GET', `/desk/tickets/${number}`);
    expect(detail.body.ticket).toMatchObject({ channel: harness.channel, language: 'es', status: 'new' });
    expect(detail.body.ticket.context.reason).toBe('kb_not_fixed');
    expect(detail.body.ticket.context.problem).toMatch(/vpn/i);

    await act(number, 'claim');
    await user.next((reply) => reply.text.includes('Ana'));
    await act(number, 'replies', { text: 'Hola, ¿puedes reiniciar el cliente de la VPN?' });
    expect((await user.next((reply) => reply.text.includes('reiniciar el cliente'))).text).toBe('Hola, ¿puedes reiniciar el cliente de la VPN?');

    await act(number, 'resolve', { resolution: 'Reset the VPN profile' });
    const resolved = await user.next((reply) => reply.choices.some((choice) => choice.id === `ticket.confirm.${number}`));
    await user.choose(resolved.choices.find((choice) => choice.id === `ticket.confirm.${number}`)!);
    const survey = await user.next((reply) => reply.choices.some((choice) => choice.id === `survey.${number}.5`));
    expect(survey.choices.map((choice) => choice.id)).toEqual([1, 2, 3, 4, 5].map((score) => `survey.${number}.${score}`));
    await user.choose(survey.choices.find((choice) => choice.id === `survey.${number}.5`)!);
    await user.next();
    const closed = await analyst.call<{ ticket: TicketJson }>('GET', `/desk/tickets/${number}`);
    expect(closed.body.ticket.status).toBe('closed');
  });
});
