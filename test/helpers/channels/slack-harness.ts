import { randomUUID } from 'node:crypto';
import type { InProcessMesa } from '../in-process-mesa.js';
import type { ChannelHarness, ChannelUser } from './channel-harness.js';
import { FAKE_BOT_TOKEN, FAKE_TEAM_ID, FakeSlackApi, type PostedMessage } from './fake-slack-api.js';
import { buttonsOf, seenReplyOf } from './slack-reply.js';
import { interactivityBody, postToSlackEndpoint } from './slack-signing.js';

export const TEST_SIGNING_SECRET = 'fake-signing-secret-for-tests-0123456789';

const SLACK_LOCALES: Record<string, string> = { en: 'en-US', es: 'es-ES', pt: 'pt-BR', it: 'it-IT' };

/** A Slack member in a direct message with the bot, driving Mesa through signed Events API and interactivity requests. */
export interface SlackTestUser extends ChannelUser {
  userId: string;
  channel: string;
  /** Delivers one message event with this event id (Slack redelivers with the same id). */
  sayAs(text: string, eventId: string, headers?: Record<string, string>): Promise<Response>;
}

export function messageEvent(options: { eventId: string; user: string; channel: string; text: string; channelType?: string; type?: string; extra?: Record<string, unknown> }): string {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  return JSON.stringify({
    token: 'verification-token-unused', team_id: FAKE_TEAM_ID, api_app_id: 'A0MESATEST', type: 'event_callback', event_id: options.eventId, event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: FAKE_TEAM_ID, user_id: 'U0MESABOT', is_bot: true, is_enterprise_install: false }],
    event: { type: options.type ?? 'message', channel: options.channel, channel_type: options.channelType ?? 'im', user: options.user, text: options.text, ts, event_ts: ts, ...options.extra },
  });
}

/** A block_actions payload for pressing `button` on `post`, as Slack sends it. */
export function buttonPress(post: PostedMessage, user: string, button: { action_id: string; value: string; text: { text: string } }): string {
  const actionTs = `${(Date.now() / 1000).toFixed(6)}`;
  return interactivityBody({
    type: 'block_actions', api_app_id: 'A0MESATEST', token: 'verification-token-unused', trigger_id: randomUUID(),
    user: { id: user, username: user.toLowerCase(), team_id: FAKE_TEAM_ID }, team: { id: FAKE_TEAM_ID, domain: 'mesa-test' },
    channel: { id: post.channel, name: post.channel.startsWith('D') ? 'directmessage' : 'general' },
    container: { type: 'message', message_ts: post.ts, channel_id: post.channel, is_ephemeral: false, ...(post.threadTs ? { thread_ts: post.threadTs } : {}) },
    message: { type: 'message', ts: post.ts, text: post.text, blocks: post.blocks, bot_id: 'B0MESABOT', ...(post.threadTs ? { thread_ts: post.threadTs } : {}) },
    response_url: 'https://hooks.slack.invalid/actions/unused',
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'mesa', text: { type: 'plain_text', text: button.text.text }, value: button.value, action_ts: actionTs }],
  });
}

/**
 * Slack through the real Bolt app: signed requests to /slack/events, replies read from a fake Web API (Slack
 * cannot run here) that records chat.postMessage and answers users.info with each user's locale.
 */
export function slackHarness(api = new FakeSlackApi()): Omit<ChannelHarness, 'newUser'> & { api: FakeSlackApi; eventsUrl(): string; newUser(id: string, language: string): Promise<SlackTestUser> } {
  let eventsUrl = '';
  return {
    channel: 'slack',
    api,
    eventsUrl: () => eventsUrl,
    setUp: async () => ({ env: { SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: await api.start() } }),
    attach: async (mesa: InProcessMesa) => {
      eventsUrl = `${mesa.url}/slack/events`;
    },
    async newUser(id, language) {
      const userId = `U${id.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
      const channel = `D${userId.slice(1)}`;
      api.users.set(userId, { name: `User ${id}`, email: `${id}@example.com`, locale: SLACK_LOCALES[language] ?? 'en-US' });
      let read = api.posts.length;
      let lastSeen: PostedMessage | undefined;
      const expectOk = async (response: Response): Promise<void> => {
        if (response.status !== 200) throw new Error(`Mesa refused the Slack request: ${response.status} ${await response.text()}`);
      };
      const sayAs = (text: string, eventId: string, headers: Record<string, string> = {}) =>
        postToSlackEndpoint(eventsUrl, TEST_SIGNING_SECRET, messageEvent({ eventId, user: userId, channel, text }), { headers });
      return {
        userId,
        channel,
        sayAs,
        say: async (text) => expectOk(await sayAs(text, `Ev${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`)),
        choose: async (choice) => {
          // Press the button on the newest message that offers it, as a person scrolling up would.
          const post = [...api.posts].reverse().find((candidate) => candidate.channel === channel && buttonsOf(candidate).some((button) => button.value === choice.id));
          const button = post && buttonsOf(post).find((candidate) => candidate.value === choice.id);
          if (!post || !button) throw new Error(`no button ${choice.id} was posted to ${channel}${lastSeen ? ` (last seen: ${lastSeen.text})` : ''}`);
          await expectOk(await postToSlackEndpoint(eventsUrl, TEST_SIGNING_SECRET, buttonPress(post, userId, button), { contentType: 'application/x-www-form-urlencoded' }));
        },
        next: async (test = () => true, timeoutMs) => {
          const index = await api.waitForPost((post) => post.channel === channel && test(seenReplyOf(post)), read, timeoutMs);
          read = index + 1;
          lastSeen = api.posts[index];
          return seenReplyOf(api.posts[index]!);
        },
      };
    },
    tearDown: async () => api.stop(),
  };
}
