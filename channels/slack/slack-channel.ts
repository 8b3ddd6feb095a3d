import type { ChannelAdapter, ChannelCapabilities, ChannelPlugin } from '../contract.js';
import { boltLogger } from './bolt-logger.js';
import { ChannelLimiter } from './channel-limiter.js';
import { SLACK_CHANNEL } from './slack-address.js';
import { buildSlackApp, listen } from './slack-app.js';
import { slackDeliverer, type ChatApi } from './slack-deliverer.js';
import { SlackInbound } from './slack-inbound.js';
import { readSlackSettings } from './slack-settings.js';
import { UnusableInputReply } from './unusable-input-reply.js';
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
  async create({ conversations, translator, logger, clock, env }): Promise<ChannelAdapter | { disabled: string }> {
    const settings = readSlackSettings(env);
    if ('disabled' in settings) return settings;
    const { app, receiver } = buildSlackApp({ settings, boltLogger: boltLogger(logger), logger, clock });
    // The Web API's own types are stricter than the two calls made here; these views are all the channel uses.
    const client = app.client as unknown as ChatApi & UsersApi;
    const limiter = new ChannelLimiter({ clock });
    const inbound = new SlackInbound({
      conversations,
      directory: new UserDirectory({ client, clock, logger }),
      unusable: new UnusableInputReply({ client, translator, limiter }),
      logger,
    });
    listen(app, inbound, logger);
    return {
      name: SLACK_CHANNEL,
      capabilities: SLACK_CAPABILITIES,
      routes: receiver ? [{ path: SLACK_EVENTS_PATH, router: receiver.router, rawBody: true }] : [],
      // A bot can always open its direct message with a workspace member.
      reachForMs: Number.POSITIVE_INFINITY,
      ...slackDeliverer({ client, translator, limiter }),
      async start() {
        if (settings.socketMode) await app.start();
        logger.info({ mode: settings.socketMode ? 'socket' : 'http', path: receiver ? SLACK_EVENTS_PATH : undefined }, 'Slack channel ready');
      },
      async stop() {
        if (settings.socketMode) await app.stop();
      },
    };
  },
};
