import type { App, Logger as BoltLogger } from '@slack/bolt';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Logger } from '../../bot/logger.js';
import { buildSlackApp, listen, type BotIdentity } from './slack-app.js';
import type { SlackHttpReceiver } from './slack-http-receiver.js';
import type { SlackInbound } from './slack-inbound.js';
import type { SlackSettings } from './slack-settings.js';

/** The part of the Web API that says who the token belongs to. */
export interface AuthApi {
  auth: { test(): Promise<unknown> };
}

export interface SlackConnectionOptions {
  settings: SlackSettings;
  client: AuthApi;
  receiver: SlackHttpReceiver | undefined;
  inbound: SlackInbound;
  logger: Logger;
  boltLogger: BoltLogger;
  shutdown: AbortSignal;
  /** Waits between attempts while Slack cannot be reached at start. */
  retryDelaysMs?: number[];
}

const authTest = z.object({ user_id: z.string().min(1), bot_id: z.string().min(1) });

/**
 * Brings the Bolt app up once Slack says who the bot is. Slack being unreachable at start must not stop Mesa
 * (the other channels serve meanwhile) nor leave Slack off until a restart: it keeps trying in the background,
 * and until then Mesa's receiver answers Slack 503 so Slack redelivers the events later.
 */
export class SlackConnection {
  private app: App | undefined;
  private readonly stopped = new AbortController();

  constructor(private readonly options: SlackConnectionOptions) {}

  async start(): Promise<void> {
    if (await this.connect()) return;
    void this.keepTrying();
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    if (this.app && this.options.settings.socketMode) await this.app.stop();
  }

  private async keepTrying(): Promise<void> {
    const delays = this.options.retryDelaysMs ?? [2000, 5000, 15_000, 30_000, 60_000];
    const signal = AbortSignal.any([this.stopped.signal, this.options.shutdown]);
    for (let attempt = 0; !signal.aborted; attempt++) {
      try {
        await sleep(delays[Math.min(attempt, delays.length - 1)], undefined, { signal });
      } catch {
        return;
      }
      if (await this.connect()) return;
    }
  }

  private async connect(): Promise<boolean> {
    const { settings, client, receiver, inbound, logger, boltLogger } = this.options;
    let identity: BotIdentity;
    try {
      const parsed = authTest.parse(await client.auth.test());
      identity = { botUserId: parsed.user_id, botId: parsed.bot_id };
    } catch (error) {
      logger.warn({ err: error }, 'Slack auth.test failed (is SLACK_BOT_TOKEN right, is Slack reachable?); trying again in the background');
      return false;
    }
    const app = buildSlackApp({ settings, identity, receiver, boltLogger });
    listen(app, inbound, logger);
    if (settings.socketMode) {
      try {
        await app.start();
      } catch (error) {
        logger.warn({ err: error }, 'Slack Socket Mode could not connect (is SLACK_APP_TOKEN right?); trying again in the background');
        await app.stop().catch(() => undefined);
        return false;
      }
    }
    this.app = app;
    logger.info({ mode: settings.socketMode ? 'socket' : 'http', botUserId: identity.botUserId }, 'Slack channel ready');
    return true;
  }
}
