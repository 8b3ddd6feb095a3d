import { randomUUID } from 'node:crypto';
import { slackAddress } from '../../../../channels/slack/slack-address.js';
import { expectedTexts } from '../../../helpers/expected-text.js';
import { startInProcess, type InProcessMesa } from '../../../helpers/in-process-mesa.js';
import { FAKE_BOT_USER_ID, FAKE_TEAM_ID } from '../../../helpers/channels/fake-slack-api.js';
import { seenReplyOf } from '../../../helpers/channels/slack-reply.js';
import { buttonPress, messageEvent, slackHarness, TEST_SIGNING_SECRET, type SlackTestUser } from '../../../helpers/channels/slack-harness.js';
import { postToSlackEndpoint, slackSignatureHeaders } from '../../../helpers/channels/slack-signing.js';

const eventId = (): string => `Ev${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;

/**
 * The Slack channel through the real Bolt app, with signed requests to /slack/events and a fake Slack Web API
 * (Slack cannot run here) recording what the bot posts.
 */
describe('Slack channel (fake Slack Web API)', () => {
  const harness = slackHarness();
  let mesa: InProcessMesa;
  let url: string;

  beforeAll(async () => {
    const { env } = await harness.setUp();
    mesa = await startInProcess({ MESA_STARTER_KB: 'on', ...env });
    await harness.attach(mesa);
    url = harness.eventsUrl();
  }, 120_000);

  afterAll(async () => {
    await mesa?.stop();
    await harness.tearDown();
  });

  /** Sends one more message and returns the texts posted to the user up to and including its answer. */
  async function repliesUntilAnswerTo(user: SlackTestUser, from: number, text: string, answer: string): Promise<string[]> {
    await user.say(text);
    const index = await harness.api.waitForPost((post) => post.channel === user.channel && post.text === answer, from);
    return harness.api.posts.slice(from, index + 1).filter((post) => post.channel === user.channel).map((post) => post.text);
  }

  describe('request verification', () => {
    const body = (): string => messageEvent({ eventId: eventId(), user: 'UFORGER', channel: 'DFORGER', text: 'hola' });

    it('refuses a request signed with another secret with 401', async () => {
      const response = await postToSlackEndpoint(url, 'not-the-signing-secret', body());
      expect(response.status).toBe(401);
    });

    it('refuses a correctly signed request whose timestamp is more than five minutes old with 401', async () => {
      const response = await postToSlackEndpoint(url, TEST_SIGNING_SECRET, body(), { timestampSeconds: Math.floor(Date.now() / 1000) - 6 * 60 });
      expect(response.status).toBe(401);
    });

    it('refuses a request with a timestamp far in the future, or with no signature, with 401', async () => {
      expect((await postToSlackEndpoint(url, TEST_SIGNING_SECRET, body(), { timestampSeconds: Math.floor(Date.now() / 1000) + 6 * 60 })).status).toBe(401);
      expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() })).status).toBe(401);
    });

    it('refuses a body changed after signing with 401', async () => {
      const signed = body();
      const headers = slackSignatureHeaders(TEST_SIGNING_SECRET, signed);
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: signed.replace('hola', 'adiós') });
      expect(response.status).toBe(401);
    });

    it('answers Slack\'s URL verification with the challenge', async () => {
      const response = await postToSlackEndpoint(url, TEST_SIGNING_SECRET, JSON.stringify({ token: 'unused', challenge: 'c-123', type: 'url_verification' }));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ challenge: 'c-123' });
    });
  });

  describe('bad input', () => {
    it('answers malformed and incomplete signed bodies with 400, and huge ones with 413', async () => {
      expect((await postToSlackEndpoint(url, TEST_SIGNING_SECRET, '{"type": "event_callback", ')).status).toBe(400);
      expect((await postToSlackEndpoint(url, TEST_SIGNING_SECRET, JSON.stringify({ type: 'event_callback', team_id: FAKE_TEAM_ID }))).status).toBe(400);
      expect((await postToSlackEndpoint(url, TEST_SIGNING_SECRET, JSON.stringify([1, 2, 3]))).status).toBe(400);
      const huge = messageEvent({ eventId: eventId(), user: 'UHUGE', channel: 'DHUGE', text: 'x'.repeat(400_000) });
      expect((await postToSlackEndpoint(url, TEST_SIGNING_SECRET, huge)).status).toBe(413);
      const health = await fetch(`${mesa.url}/healthz`);
      expect(health.status).toBe(200);
    });

    it('acknowledges event types it does not handle and answers nothing to them', async () => {
      const user = await harness.newUser('unknown-events', 'en');
      const from = harness.api.posts.length;
      const reaction = JSON.stringify({ type: 'event_callback', team_id: FAKE_TEAM_ID, event_id: eventId(), event: { type: 'reaction_added', user: user.userId, reaction: 'thumbsup', item: { type: 'message', channel: user.channel, ts: '1.000001' } } });
      expect((await postToSlackEndpoint(url, TEST_SIGNING_SECRET, reaction)).status).toBe(200);
      const texts = await expectedTexts();
      expect(await repliesUntilAnswerTo(user, from, 'hello', texts('en')('bot:greeting'))).toEqual([texts('en')('bot:greeting')]);
    });

    it('answers a file, image or voice message without text in the user\'s language, through the core (which records it)', async () => {
      const user = await harness.newUser('sends-a-file', 'pt');
      const from = harness.api.posts.length;
      const file = messageEvent({ eventId: eventId(), user: user.userId, channel: user.channel, text: '', extra: { subtype: 'file_share', files: [{ id: 'F0VOICE', mimetype: 'audio/webm', subtype: 'slack_audio' }] } });
      expect((await postToSlackEndpoint(url, TEST_SIGNING_SECRET, file)).status).toBe(200);
      const index = await harness.api.waitForPost((post) => post.channel === user.channel, from);
      const texts = await expectedTexts();
      expect(harness.api.posts[index]!.text).toBe(texts('pt')('bot:attachment.cannot_read'));
    });
  });

  describe('messages', () => {
    it('answers one event delivered three times (Slack\'s retries) exactly once', async () => {
      const user = await harness.newUser('retried', 'es');
      const from = harness.api.posts.length;
      const id = eventId();
      const deliveries = [await user.sayAs('hola', id), await user.sayAs('hola', id, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }), await user.sayAs('hola', id, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' })];
      expect(deliveries.map((response) => response.status)).toEqual([200, 200, 200]);
      // Replies go out in order: a second answer to the retried event would come before the answer to the next message.
      const texts = await expectedTexts();
      const greeting = texts('es')('bot:greeting');
      const replies = await repliesUntilAnswerTo(user, from, 'in English please', texts('en')('bot:language.switched'));
      expect(replies).toEqual([greeting, texts('en')('bot:language.switched')]);
    });

    it('acknowledges a message only once it is stored, so a crash after the 200 cannot lose it', async () => {
      const user = await harness.newUser('durable', 'en');
      expect((await user.sayAs('my printer jams', eventId())).status).toBe(200);
      const conversation = await mesa.mesa.conversations.open(slackAddress({ team: FAKE_TEAM_ID, channel: user.channel }, user.userId), { user: { externalId: user.userId } });
      const transcript = await mesa.mesa.conversations.messagesAfter(conversation.id, null);
      expect(transcript.filter((message) => message.role === 'user').map((message) => message.text)).toEqual(['my printer jams']);
    });

    it('ignores other bots, itself, edits, deletions and channel messages without a mention', async () => {
      const user = await harness.newUser('ignored', 'en');
      const from = harness.api.posts.length;
      const ignored = [
        messageEvent({ eventId: eventId(), user: user.userId, channel: user.channel, text: 'hello', extra: { bot_id: 'B0OTHER' } }),
        messageEvent({ eventId: eventId(), user: FAKE_BOT_USER_ID, channel: user.channel, text: 'hello' }),
        messageEvent({ eventId: eventId(), user: user.userId, channel: user.channel, text: 'hello', extra: { subtype: 'message_changed', message: { text: 'hello' } } }),
        messageEvent({ eventId: eventId(), user: user.userId, channel: user.channel, text: '', extra: { subtype: 'message_deleted' } }),
        messageEvent({ eventId: eventId(), user: user.userId, channel: 'CGENERAL', channelType: 'channel', text: 'hello everyone' }),
      ];
      for (const body of ignored) expect((await postToSlackEndpoint(url, TEST_SIGNING_SECRET, body)).status).toBe(200);
      const texts = await expectedTexts();
      expect(await repliesUntilAnswerTo(user, from, 'hello', texts('en')('bot:greeting'))).toEqual([texts('en')('bot:greeting')]);
    });

    it('answers a channel mention in the mention\'s thread, without the mention in the text', async () => {
      const user = await harness.newUser('mentions', 'it');
      const from = harness.api.posts.length;
      const mention = messageEvent({ eventId: eventId(), type: 'app_mention', channelType: 'channel', user: user.userId, channel: 'CITHELP', text: `<@${FAKE_BOT_USER_ID}> ciao` });
      expect((await postToSlackEndpoint(url, TEST_SIGNING_SECRET, mention)).status).toBe(200);
      const mentionTs = (JSON.parse(mention) as { event: { ts: string } }).event.ts;
      const index = await harness.api.waitForPost((post) => post.channel === 'CITHELP', from);
      const texts = await expectedTexts();
      expect(harness.api.posts[index]).toMatchObject({ threadTs: mentionTs, text: texts('it')('bot:greeting') });
    });

    it('still answers when users.info fails, in the default language', async () => {
      const stranger = { userId: 'UNOTINDIRECTORY', channel: 'DNOTINDIRECTORY' };
      const from = harness.api.posts.length;
      const body = messageEvent({ eventId: eventId(), user: stranger.userId, channel: stranger.channel, text: 'hello' });
      expect((await postToSlackEndpoint(url, TEST_SIGNING_SECRET, body)).status).toBe(200);
      const index = await harness.api.waitForPost((post) => post.channel === stranger.channel, from);
      const texts = await expectedTexts();
      expect(harness.api.posts[index]!.text).toBe(texts('en')('bot:greeting'));
    });
  });

  describe('delivery', () => {
    it('waits as long as a 429\'s Retry-After says, then posts the reply once', async () => {
      const user = await harness.newUser('rate-limited', 'en');
      const from = harness.api.posts.length;
      const limitedBefore = harness.api.rateLimitedAt.length;
      harness.api.retryAfterSeconds = 1;
      harness.api.rateLimitNextPosts = 1;
      await user.say('hello');
      const index = await harness.api.waitForPost((post) => post.channel === user.channel, from);
      const refusedAt = harness.api.rateLimitedAt[limitedBefore]!;
      expect(harness.api.rateLimitedAt).toHaveLength(limitedBefore + 1);
      expect(harness.api.posts[index]!.receivedAt - refusedAt).toBeGreaterThanOrEqual(1000);
      const texts = await expectedTexts();
      const replies = await repliesUntilAnswerTo(user, from, 'in Spanish please', texts('es')('bot:language.switched'));
      expect(replies).toEqual([texts('en')('bot:greeting'), texts('es')('bot:language.switched')]);
    });

    it('renders choices as buttons whose press comes back to the same flow, once per press', async () => {
      const user = await harness.newUser('presses', 'es');
      await user.say('la VPN no me conecta desde casa');
      const offer = await user.next((reply) => reply.choices.length > 0);
      const post = [...harness.api.posts].reverse().find((candidate) => candidate.channel === user.channel && candidate.blocks.some((block) => block.type === 'actions'))!;
      const buttons = post.blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements as Array<{ action_id: string; value: string; text: { text: string } }>);
      expect(buttons.map((button) => button.action_id)).toEqual(offer.choices.map((_, index) => `mesa:${index + 1}`));
      const from = harness.api.posts.length;
      // The same press delivered twice (a redelivered interaction) counts once.
      const press = buttonPress(post, user.userId, buttons[0]!);
      for (let delivery = 0; delivery < 2; delivery++) {
        const response = await postToSlackEndpoint(url, TEST_SIGNING_SECRET, press, { contentType: 'application/x-www-form-urlencoded' });
        expect(response.status).toBe(200);
      }
      await user.next((reply) => reply.choices.some((choice) => choice.id === 'kbfix.not_fixed'));
      const texts = await expectedTexts();
      await repliesUntilAnswerTo(user, from, 'in English please', texts('en')('bot:language.switched'));
      const steps = harness.api.posts.slice(from).filter((candidate) => candidate.channel === user.channel && seenReplyOf(candidate).choices.some((choice) => choice.id === 'kbfix.not_fixed'));
      expect(steps).toHaveLength(1);
    });
  });
});
