import { App, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../bot/logger.js';
import { ACTION_PREFIX } from './block-kit.js';
import { clickOf } from './button-click.js';
import type { SlackInbound } from './slack-inbound.js';
import type { SlackSettings } from './slack-settings.js';
import type { SlackHttpReceiver } from './slack-http-receiver.js';

/** Who the bot is in the workspace (from auth.test): Bolt needs it to ignore the bot's own messages. */
export interface BotIdentity {
  botUserId: string;
  botId: string;
}

export interface SlackAppOptions {
  settings: SlackSettings;
  identity: BotIdentity;
  /** Over HTTP, Mesa's receiver; in Socket Mode Bolt builds its own. */
  receiver: SlackHttpReceiver | undefined;
  boltLogger: BoltLogger;
}

/** The Web API client's options: Slack's own settings for pacing and retries are the relay's to decide. */
export function webClientOptions(settings: SlackSettings, logger: BoltLogger) {
  return {
    slackApiUrl: settings.apiUrl,
    logger,
    // A rate-limited call is rejected at once instead of sleeping inside the client; the relay waits Retry-After.
    rejectRateLimitedCalls: true,
    // The relay retries with backoff and survives restarts; one quick retry here covers a dropped connection.
    retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 200 },
    timeout: 10_000,
  };
}

/**
 * Builds the Bolt app. The bot's identity is passed in, so Bolt never calls auth.test on its own (it would do so
 * in its constructor, and a failure there is an unhandled rejection that would stay cached for every event).
 */
export function buildSlackApp({ settings, identity, receiver, boltLogger }: SlackAppOptions): App {
  return new App({
    token: settings.botToken,
    botUserId: identity.botUserId,
    botId: identity.botId,
    logger: boltLogger,
    clientOptions: webClientOptions(settings, boltLogger),
    convoStore: false,
    ...(receiver ? { receiver } : { socketMode: true, appToken: settings.appToken! }),
  });
}

/** Routes messages, mentions and Mesa's buttons to the inbound side; every failure ends in one log line. */
export function listen(app: App, inbound: SlackInbound, logger: Logger): void {
  const onMessage = async ({ event, body, context }: { event: unknown; body: { team_id?: string; event_id?: string }; context: { botUserId?: string } }): Promise<void> => {
    await inbound.onMessage(event, { teamId: body.team_id ?? '', eventId: body.event_id ?? '', botUserId: context.botUserId });
  };
  app.event('message', onMessage);
  app.event('app_mention', onMessage);
  app.action(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action }) => {
    // The acknowledgement is sent once the press is stored (the receiver holds it until then, 2.5 s at most).
    await ack();
    const click = clickOf(body, action);
    if (click) await inbound.onClick(click);
  });
  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'a Slack event could not be handled');
    // Passed on, so the receiver answers 500 and Slack delivers the event again.
    throw error;
  });
}
