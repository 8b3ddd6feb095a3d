import { randomUUID } from 'node:crypto';
import type { Logger } from '../../bot/logger.js';
import { SendFailedError, type TransportEvent } from './whatsapp-transport.js';
import { workerEventSchema, type WorkerCommand } from './worker-protocol.js';

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * The parent's end of one worker's IPC channel: validates every event the worker sends, matches send replies to
 * their requests, and passes the rest on. A worker that goes away fails the sends still waiting.
 */
export class WorkerLink {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly post: (command: WorkerCommand) => void,
    private readonly listener: (event: TransportEvent) => void,
    private readonly logger: Logger,
    private readonly sendTimeoutMs = 60_000,
  ) {}

  /** Feed this every raw IPC message from the worker. */
  receive(raw: unknown): void {
    const parsed = workerEventSchema.safeParse(raw);
    if (!parsed.success) {
      this.logger.warn({ issues: parsed.error.issues.length }, 'whatsapp worker sent an invalid event; ignored');
      return;
    }
    const event = parsed.data;
    if (event.type === 'sent' || event.type === 'send_failed') {
      const waiting = this.pending.get(event.requestId);
      if (!waiting) return;
      this.pending.delete(event.requestId);
      clearTimeout(waiting.timer);
      if (event.type === 'sent') waiting.resolve();
      else waiting.reject(new SendFailedError(`WhatsApp refused the message: ${event.error}`));
      return;
    }
    this.listener(event);
  }

  command(command: WorkerCommand): void {
    this.post(command);
  }

  send(chatId: string, text: string): Promise<void> {
    const requestId = randomUUID();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new SendFailedError('the WhatsApp worker did not confirm the send in time'));
      }, this.sendTimeoutMs);
      this.pending.set(requestId, { resolve, reject, timer });
      try {
        this.post({ type: 'send', requestId, chatId, text });
      } catch (error) {
        this.fail(`the WhatsApp worker is unreachable: ${(error as Error).message}`);
      }
    });
  }

  /** Fails every send still waiting (the worker exited). */
  fail(reason: string): void {
    for (const [requestId, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      this.pending.delete(requestId);
      waiting.reject(new SendFailedError(reason));
    }
  }
}
