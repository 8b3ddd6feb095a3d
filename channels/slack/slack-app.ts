import { App, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../bot/logger.js';
import { ACTION_PREFIX } from './block-kit.js';
import { clickOf } from './button-click.js';
import type { SlackInbound } from './slack-inbound.js';
import type { SlackSettings } from './slack-settings.js';
import { SlackHttpReceiver } from './slack-http-receiver.js';

export interface SlackAppOptions {
  settings: SlackSettings;
  boltLogger: BoltLogger;
  logger: Logger;
  clock: () => Date;
}

/** The Bolt app and, over HTTP, the receiver whose router Mesa mounts. */
export interface BuiltSlackApp {
  app: App;
  receiver: SlackHttpReceiver | undefined;
}

/**
 * Builds the Bolt app: over HTTP with Mesa's receiver, or in Socket Mode with Bolt's own. The Web API client
 * rejects rate-limited calls instead of sleeping inside them, so the delivery relay decides when to retry.
 */
export function buildSlackApp({ settings, boltLogger, clock }: SlackAppOptions): BuiltSlackApp {
  const clientOptions = {
    slackApiUrl: settings.apiUrl,
    rejectRateLimitedCalls: true,
    // The relay retries with backoff and survives restarts; one quick retry here covers a dropped connection.
    retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 200 },
    timeout: 10_000,
  };
  const receiver = settings.socketMode ? undefined : new SlackHttpReceiver({ signingSecret: settings.signingSecret!, clock, logger: boltLogger });
  const app = new App({
    token: settings.botToken,
    logger: boltLogger,
    clientOptions,
    convoStore: false,
    ...(receiver ? { receiver } : { socketMode: true, appToken: settings.appToken! }),
  });
  return { app, receiver };
}

/** Routes messages, mentions and Mesa's buttons to the inbound side; every failure ends in one log line. */
export function listen(app: App, inbound: SlackInbound, logger: Logger): void {
  const onMessage = async ({ event, body, context }: { event: unknown; body: { team_id?: string; event_id?: string }; context: { botUserId?: string } }): Promise<void> => {
    await inbound.onMessage(event, { teamId: body.team_id ?? '', eventId: body.event_id ?? '', botUserId: context.botUserId });
  };
  app.event('message', onMessage);
  app.event('app_mention', onMessage);
  app.action(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action }) => {
    // Acknowledge first: Slack shows the user an error if a press is not acknowledged within 3 seconds.
    await ack();
    const click = clickOf(body, action);
    if (click) await inbound.onClick(click);
  });
  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'a Slack event could not be handled');
  });
}
