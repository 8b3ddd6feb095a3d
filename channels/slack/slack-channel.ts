import { webApi } from '@slack/bolt';
import type { ChannelAdapter, ChannelCapabilities, ChannelPlugin } from '../contract.js';
import { boltLogger as toBoltLogger } from './bolt-logger.js';
import { ChannelLimiter } from './channel-limiter.js';
import { SLACK_CHANNEL } from './slack-address.js';
import { webClientOptions } from './slack-app.js';
import { SlackConnection, type AuthApi } from './slack-connection.js';
import { slackDeliverer, type ChatApi } from './slack-deliverer.js';
import { SlackHttpReceiver } from './slack-http-receiver.js';
import { SlackInbound } from './slack-inbound.js';
import { readSlackSettings } from './slack-settings.js';
import { UserDirectory, type UsersApi } from './user-directory.js';

/** Buttons in actions blocks (split at Slack's 25 per block), mrkdwn, cards as sections and fields. */
const SLACK_CAPABILITIES: ChannelCapabilities = { buttons: true, maxButtons: 25, cards: true, typing: false, edits: false, markdown: true };

/** The HTTP path Slack's Event Subscriptions and Interactivity request URLs point at. */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Slack, on the official Bolt framework: direct messages and channel mentions in, Block Kit out. Off without
 * SLACK_BOT_TOKEN; over HTTP at /slack/events by default, or in Socket Mode with SLACK_SOCKET_MODE=on.
 */
export const slackChannel: ChannelPlugin = {
  name: SLACK_CHANNEL,
  async create({ conversations, translator, logger, clock, env, shutdown }): Promise<ChannelAdapter | { disabled: string }> {
    const settings = readSlackSettings(env);
    if ('disabled' in settings) return settings;
    const boltLogger = toBoltLogger(logger);
    // The Web API's own types are stricter than the calls made here; these views are all the channel uses.
    const client = new webApi.WebClient(settings.botToken, webClientOptions(settings, boltLogger)) as unknown as ChatApi & UsersApi & AuthApi;
    const receiver = settings.socketMode ? undefined : new SlackHttpReceiver({ signingSecret: settings.signingSecret!, clock, logger: boltLogger });
    const limiter = new ChannelLimiter({ clock });
    const inbound = new SlackInbound({
      conversations,
      directory: new UserDirectory({ client, clock, logger }),
      logger,
    });
    const connection = new SlackConnection({ settings, client, receiver, inbound, logger, boltLogger, shutdown });
    return {
      name: SLACK_CHANNEL,
      capabilities: SLACK_CAPABILITIES,
      routes: receiver ? [{ path: SLACK_EVENTS_PATH, router: receiver.router, rawBody: true }] : [],
      // A bot can always open its direct message with a workspace member.
      reachForMs: Number.POSITIVE_INFINITY,
      ...slackDeliverer({ client, translator, limiter }),
      start: () => connection.start(),
      stop: () => connection.stop(),
    };
  },
};
