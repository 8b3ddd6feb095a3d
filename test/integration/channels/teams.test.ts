import { expectedTexts } from '../../helpers/expected-text.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { FakeTokenSigner } from '../../helpers/channels/fake-token-signer.js';
import { FAKE_CHANNEL_ISSUER, type FakeBotConnector } from '../../helpers/channels/fake-bot-connector.js';
import { messageActivity, newParty, postActivity, seenReply, type TeamsParty } from '../../helpers/channels/teams-activities.js';
import { teamsHarness } from '../../helpers/channels/teams-harness.js';

/** The real botbuilder CloudAdapter inside Mesa, the Bot Connector and Microsoft's login FAKED on loopback. */
describe('Teams channel (fake Bot Connector)', () => {
  const harness = teamsHarness();
  let connector: FakeBotConnector;
  let mesa: InProcessMesa;

  beforeAll(async () => {
    const { env } = await harness.setUp();
    connector = harness.connector();
    mesa = await startInProcess({ MESA_STARTER_KB: 'on', ...env });
    await harness.attach(mesa);
  }, 120_000);

  afterAll(async () => {
    await mesa?.stop();
    await harness.tearDown();
  });

  const post = (activity: unknown, authorization: string | null = connector.channelAuthorization()) => postActivity(mesa.url, activity, authorization);
  const activity = (party: TeamsParty, fields: Record<string, unknown>) => messageActivity(connector, party, harness.appId, fields);
  const sentTo = (party: TeamsParty, from = 0) => connector.sent.slice(from).filter((sent) => sent.conversationId === party.conversationId && sent.activity.type === 'message');

  /** Sends a plain message and returns the reply to it (the first message the chat gets after it). */
  async function replyTo(party: TeamsParty, text: string) {
    const from = connector.sent.length;
    expect((await post(activity(party, { text }))).status).toBe(200);
    const { sent } = await connector.next(party.conversationId, from, (candidate) => candidate.activity.type === 'message');
    return seenReply(sent.activity);
  }

  /**
   * How many messages the chat got since index `from`, counted once everything sent before now is answered: a
   * language switch is sent last and its answer awaited (turns run in order), so no sleep guesses the time.
   */
  async function repliesSince(party: TeamsParty, from: number): Promise<number> {
    const switched = (await expectedTexts())('en')('bot:language.switched');
    const marker = connector.sent.length;
    expect((await post(activity(party, { text: 'in English please' }))).status).toBe(200);
    const { index } = await connector.next(party.conversationId, marker, (candidate) => seenReply(candidate.activity).text === switched);
    return sentTo(party, from).length - sentTo(party, index).length;
  }

  describe('authentication by the SDK', () => {
    it('refuses an activity without a token with 401 and sends nothing', async () => {
      const party = newParty(connector, 'anon', 'en');
      const response = await post(activity(party, { text: 'hi' }), null);
      expect(response.status).toBe(401);
      const reply = await replyTo(party, 'hi');
      expect(reply.text).toBe((await expectedTexts())('en')('bot:greeting'));
    });

    it('refuses a token signed by a key the OpenID metadata does not publish, or for another bot', async () => {
      const party = newParty(connector, 'forged', 'en');
      const forged = new FakeTokenSigner().sign({ iss: FAKE_CHANNEL_ISSUER, aud: harness.appId, serviceurl: connector.url });
      expect((await post(activity(party, { text: 'hi' }), `Bearer ${forged}`)).status).toBe(401);
      const otherBot = connector.signer.sign({ iss: FAKE_CHANNEL_ISSUER, aud: 'another-bot', serviceurl: connector.url });
      expect((await post(activity(party, { text: 'hi' }), `Bearer ${otherBot}`)).status).toBe(401);
    });

    it('accepts a locally signed Bot Connector token, answers with its own token from the login endpoint, and reads the roster', async () => {
      const party = newParty(connector, 'signed', 'es');
      const reply = await replyTo(party, 'hola');
      expect(reply.text).toBe((await expectedTexts())('es')('bot:greeting'));
      expect(connector.tokenRequests.every((request) => request.clientId === harness.appId && request.scope === 'https://api.botframework.com/.default')).toBe(true);
      expect(connector.memberLookups).toContain(party.userId);
      // What Teams vouched for is the user's verified identity: the Entra object id, and the UPN and email from the
      // roster. (Read after a second message: ConversationService.start does not store `verified` for the message
      // that opens a conversation yet, a core gap outside this channel.)
      await replyTo(party, 'in English please');
      const conversation = await mesa.mesa.conversations.open({ channel: 'teams', key: party.conversationId, reference: {} }, { user: { externalId: party.userId } });
      const user = await mesa.mesa.conversations.userOf(conversation);
      expect(user?.verified).toEqual({ aadObjectId: party.aadObjectId, upn: 'signed@example.com', email: 'signed@example.com' });
      expect(user?.name).toBe(party.name);
    });
  });

  describe('redeliveries', () => {
    it('answers an activity delivered twice with the same id once', async () => {
      const party = newParty(connector, 'twice', 'en');
      const first = activity(party, { text: 'hello' });
      const from = connector.sent.length;
      expect((await post(first)).status).toBe(200);
      expect((await post(first)).status).toBe(200);
      expect(await repliesSince(party, from)).toBe(1);
    });

    it('answers a message Teams redelivers under a new id after a delay once', async () => {
      const party = newParty(connector, 'redelivered', 'en');
      const original = activity(party, { text: 'hello' });
      const from = connector.sent.length;
      expect((await post(original)).status).toBe(200);
      await connector.next(party.conversationId, from);
      // Teams gave up waiting and sends the same message again, under a new activity id.
      expect((await post({ ...original, id: `${String(original.id)}9` })).status).toBe(200);
      expect(await repliesSince(party, from)).toBe(1);
    });
  });

  describe('Adaptive Cards', () => {
    it('offers choices as Action.Submit buttons carrying Mesa action ids, and a press continues the same flow', async () => {
      const party = newParty(connector, 'cards', 'en');
      const from = connector.sent.length;
      await post(activity(party, { text: 'the VPN does not connect from home' }));
      const { sent } = await connector.next(party.conversationId, from, (candidate) => Array.isArray(candidate.activity.attachments));
      const card = (sent.activity.attachments as Array<{ contentType: string; content: Record<string, unknown> }>)[0]!;
      expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4', body: [expect.objectContaining({ type: 'TextBlock', wrap: true })] });
      const actions = card.content.actions as Array<{ type: string; title: string; data: { mesaAction: string } }>;
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.every((action) => action.type === 'Action.Submit' && action.data.mesaAction.length > 0)).toBe(true);
      expect(actions.map((action) => action.title).join(' ')).toMatch(/VPN/i);

      const pressedAt = connector.sent.length;
      expect((await post(activity(party, { value: { mesaAction: actions[0]!.data.mesaAction } }))).status).toBe(200);
      // The press is the user's choice in the same KB fix: its first step comes with the "didn't help" button.
      const { sent: step } = await connector.next(party.conversationId, pressedAt, (candidate) => seenReply(candidate.activity).choices.length > 0);
      expect(seenReply(step.activity).choices.map((choice) => choice.id)).toContain('kbfix.not_fixed');
    });

    it('answers a press on a button that was never offered politely instead of failing', async () => {
      const party = newParty(connector, 'stale', 'it');
      await replyTo(party, 'ciao');
      const from = connector.sent.length;
      expect((await post(activity(party, { value: { mesaAction: 'no.such.action' } }))).status).toBe(200);
      const { sent } = await connector.next(party.conversationId, from, (candidate) => candidate.activity.type === 'message');
      expect(sent.activity.text).toBe((await expectedTexts())('it')('teams:action.expired'));
    });
  });

  describe('bad input', () => {
    it('answers a malformed activity with 400 and an oversized body with 413', async () => {
      const party = newParty(connector, 'malformed', 'en');
      const { conversation: _dropped, ...withoutConversation } = activity(party, { text: 'hi' });
      expect((await post(withoutConversation)).status).toBe(400);
      expect((await post('{"type": "message", ')).status).toBe(400);
      expect((await post(activity(party, { text: 'x'.repeat(70_000) }))).status).toBe(413);
    });

    it('ignores roster updates, reactions, typing, edits and deletions without error', async () => {
      const party = newParty(connector, 'ignored', 'en');
      const from = connector.sent.length;
      for (const type of ['conversationUpdate', 'messageReaction', 'typing', 'messageUpdate', 'messageDelete', 'installationUpdate']) {
        expect((await post(activity(party, { type, text: 'edited text' }))).status).toBe(200);
      }
      expect(await repliesSince(party, from)).toBe(0);
    });

    it('answers an image it cannot read in the user\'s language, through the core (which records it)', async () => {
      const party = newParty(connector, 'image', 'pt');
      const from = connector.sent.length;
      const image = { contentType: 'image/png', contentUrl: `${connector.url}/images/screenshot.png`, name: 'screenshot.png' };
      expect((await post(activity(party, { text: '', attachments: [image] }))).status).toBe(200);
      const { sent } = await connector.next(party.conversationId, from, (candidate) => candidate.activity.type === 'message');
      expect(sent.activity.text).toBe((await expectedTexts())('pt')('bot:attachment.cannot_read'));
    });

    it('in a group chat answers only when @mentioned, reading the text without the mention', async () => {
      const party = newParty(connector, 'group', 'en');
      const group = { id: party.conversationId, conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-fake' };
      const from = connector.sent.length;
      expect((await post(activity(party, { conversation: group, text: 'hi all, lunch?' }))).status).toBe(200);
      const mention = { type: 'mention', text: '<at>Mesa</at>', mentioned: { id: `28:${harness.appId}`, name: 'Mesa' } };
      expect((await post(activity(party, { conversation: group, text: '<at>Mesa</at> in English please', entities: [mention] }))).status).toBe(200);
      const { sent } = await connector.next(party.conversationId, from, (candidate) => candidate.activity.type === 'message');
      expect(seenReply(sent.activity).text).toBe((await expectedTexts())('en')('bot:language.switched'));

      // A press on one of Mesa's cards needs no @mention.
      const asked = connector.sent.length;
      await post(activity(party, { conversation: group, text: '<at>Mesa</at> the VPN does not connect', entities: [mention] }));
      const { sent: offer } = await connector.next(party.conversationId, asked, (candidate) => seenReply(candidate.activity).choices.length > 0);
      const pressed = connector.sent.length;
      expect((await post(activity(party, { conversation: group, value: { mesaAction: seenReply(offer.activity).choices[0]!.id } }))).status).toBe(200);
      await connector.next(party.conversationId, pressed, (candidate) => seenReply(candidate.activity).choices.some((choice) => choice.id === 'kbfix.not_fixed'));
    });

    it('answers as soon as the message is stored, without waiting for the reply to go out', async () => {
      const party = newParty(connector, 'prompt', 'en');
      const from = connector.sent.length;
      const release = connector.holdSends();
      try {
        // The Bot Connector is holding every send, so a 200 now proves the turn's reply did not hold the answer.
        expect((await post(activity(party, { text: 'hello' }))).status).toBe(200);
        expect(sentTo(party, from)).toHaveLength(0);
      } finally {
        release();
      }
      const { sent } = await connector.next(party.conversationId, from, (candidate) => candidate.activity.type === 'message');
      expect(seenReply(sent.activity).text).toBe((await expectedTexts())('en')('bot:greeting'));
    });
  });

  describe('delivery', () => {
    it('backs off when Teams throttles (429 with Retry-After) and still delivers the reply once', async () => {
      const party = newParty(connector, 'throttled', 'en');
      connector.refusals.push({ status: 429, retryAfter: '2' }, { status: 502 });
      const from = connector.sent.length;
      const refusedBefore = connector.refusedAt.length;
      expect((await post(activity(party, { text: 'hello' }))).status).toBe(200);
      const { sent } = await connector.next(party.conversationId, from, (candidate) => candidate.activity.type === 'message');
      expect(seenReply(sent.activity).text).toBe((await expectedTexts())('en')('bot:greeting'));
      const [throttled, failed] = connector.refusedAt.slice(refusedBefore);
      // Teams asked for two seconds, more than the relay's own first backoff (1 s): the retry waited that long.
      expect(failed! - throttled!).toBeGreaterThanOrEqual(2000);
      expect(sent.at).toBeGreaterThan(failed!);
      expect(await repliesSince(party, from)).toBe(1);
    });
  });
});
