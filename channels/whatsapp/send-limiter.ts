import { RecentlyUsed } from '../../bot/core/recently-used.js';

export interface SendLimiterOptions {
  /** The shortest gap between two messages to one chat. */
  chatIntervalMs: number;
  /** The most messages in any 60 s, all chats together. */
  maxPerMinute: number;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Waits `ms`; rejects when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

const MINUTE_MS = 60_000;

/**
 * Paces what the number sends, because WhatsApp bans numbers that send bursts: one message per chat every
 * `chatIntervalMs`, and at most `maxPerMinute` a minute overall. `acquire` waits for the next free slot.
 */
export class SendLimiter {
  private readonly nextForChat = new RecentlyUsed<string, number>(10_000);
  private readonly sentAt: number[] = [];

  constructor(private readonly options: SendLimiterOptions) {}

  /** Resolves when `chatId` may be sent one message, and books that slot. */
  async acquire(chatId: string, signal: AbortSignal): Promise<void> {
    const { chatIntervalMs, maxPerMinute, now, sleep } = this.options;
    for (;;) {
      const at = now();
      while (this.sentAt.length > 0 && this.sentAt[0]! <= at - MINUTE_MS) this.sentAt.shift();
      const chatWait = (this.nextForChat.get(chatId) ?? 0) - at;
      const globalWait = this.sentAt.length >= maxPerMinute ? this.sentAt[0]! + MINUTE_MS - at : 0;
      const wait = Math.max(chatWait, globalWait);
      if (wait <= 0) {
        this.sentAt.push(at);
        this.nextForChat.set(chatId, at + chatIntervalMs);
        return;
      }
      await sleep(wait, signal);
    }
  }
}

/** A real-time sleep for the limiter. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
