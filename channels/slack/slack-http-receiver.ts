import { HTTPResponseAck, isValidSlackRequest, type App, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import { Router, raw, type Request, type Response } from 'express';
import { z } from 'zod';
import { parseSlackBody } from './slack-request-body.js';
import { timeout } from './timeout.js';

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  clock: () => Date;
  logger: BoltLogger;
  /** Slack's payloads are a few kB; a block_actions payload repeats the message, so allow some room. */
  bodyLimitBytes?: number;
  /**
   * Slack retries what is not acknowledged within 3 s. Mesa acknowledges once the message is stored, or at this
   * deadline if storing takes longer (the retry would then find the stored message and be dropped as a repeat).
   */
  ackDeadlineMs?: number;
}

// Slack refuses requests whose timestamp is more than five minutes off: a captured request cannot be replayed later.
const MAX_SKEW_SECONDS = 5 * 60;

const signedHeaders = z.object({ 'x-slack-signature': z.string().min(1), 'x-slack-request-timestamp': z.coerce.number().int() });

/**
 * Bolt's transport for Mesa's own HTTP server: verifies Slack's signature over the raw bytes (with Mesa's
 * clock), answers Slack's handshakes, and hands events and button presses to the Bolt app. Slack gets its 200
 * once the message is stored (before its turn runs), and within its 3 seconds whatever storing costs.
 */
export class SlackHttpReceiver implements Receiver {
  readonly router: Router = Router();
  private app: App | undefined;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.router.post('/', raw({ type: () => true, limit: options.bodyLimitBytes ?? 256 * 1024 }), (request, response) => this.handle(request, response));
  }

  init(app: App): void {
    this.app = app;
  }

  // Mesa's server listens; the receiver only serves its router.
  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  private async handle(request: Request, response: Response): Promise<void> {
    const body = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
    if (!this.verified(request, body)) {
      response.status(401).json({ error: { code: 'invalid_signature', message: 'The Slack signature or timestamp is missing, wrong or stale.' } });
      return;
    }
    const parsed = parseSlackBody(body, request.headers['content-type']);
    if (parsed.kind === 'invalid') {
      response.status(400).json({ error: { code: 'invalid_request', message: parsed.message } });
      return;
    }
    if (parsed.kind === 'reply') {
      response.status(200).json(parsed.reply);
      return;
    }
    if (parsed.kind === 'ignore') {
      response.status(200).end();
      return;
    }
    if (!this.app) {
      // Slack redelivers what is not acknowledged, so nothing is lost while the bot's identity is unknown.
      response.status(503).set('retry-after', '30').json({ error: { code: 'shutting_down', message: 'The Slack channel is not connected yet.' } });
      return;
    }
    // processBeforeResponse: Bolt's acknowledgement is held until the listeners have stored the message, so a
    // crash in between makes Slack redeliver instead of losing it. The turn itself runs later, in the core.
    const ack = new HTTPResponseAck({ logger: this.options.logger, processBeforeResponse: true, httpRequest: request, httpRequestBody: parsed.body, httpResponse: response });
    const retryNum = Number(request.headers['x-slack-retry-num']);
    const retryReason = request.headers['x-slack-retry-reason'];
    const processed = this.app.processEvent({
      body: parsed.body,
      ack: ack.bind(),
      ...(Number.isInteger(retryNum) ? { retryNum } : {}),
      ...(typeof retryReason === 'string' ? { retryReason } : {}),
    });
    const settled = processed.then(() => 'done' as const, (error: unknown) => ({ error }));
    const deadline = timeout(this.options.ackDeadlineMs ?? 2500, 'late' as const);
    let outcome = await Promise.race([settled, deadline.promise]);
    deadline.cancel();
    // Past the deadline, answer with what Bolt has acknowledged so far; otherwise wait for it to finish.
    if (outcome === 'late' && ack.storedResponse === undefined) outcome = await settled;
    if (outcome !== 'done' && outcome !== 'late') {
      this.options.logger.error(`Slack event failed: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`);
      // Not acknowledged: Slack delivers the event again, and a message already stored is not stored twice.
      if (!response.headersSent) response.status(500).end();
      return;
    }
    if (ack.storedResponse !== undefined && !response.headersSent) {
      if (typeof ack.storedResponse === 'string') response.status(200).send(ack.storedResponse);
      else response.status(200).json(ack.storedResponse);
    }
    await settled;
  }

  private verified(request: Request, body: string): boolean {
    const headers = signedHeaders.safeParse(request.headers);
    if (!headers.success) return false;
    const nowMs = this.options.clock().getTime();
    // Bolt rejects stale timestamps; one far in the future would stay replayable until then, so refuse it too.
    if (headers.data['x-slack-request-timestamp'] > nowMs / 1000 + MAX_SKEW_SECONDS) return false;
    return isValidSlackRequest({ signingSecret: this.options.signingSecret, body, headers: headers.data, nowMilliseconds: nowMs, logger: this.options.logger });
  }
}
