export interface ChannelLimiterOptions {
  /** Slack allows about one message per second per channel; bursts beyond it get 429s. */
  intervalMs?: number;
  clock: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Channels idle this long are forgotten, so the map does not grow with every channel ever written to. */
  capacity?: number;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spaces posts to one Slack channel at least `intervalMs` apart. Each caller reserves the next free slot
 * before it waits, so concurrent posts (several threads of one channel) queue up instead of bunching.
 */
export class ChannelLimiter {
  private readonly nextFree = new Map<string, number>();
  private readonly intervalMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ChannelLimiterOptions) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Resolves when the caller may post to `channel`. */
  async wait(channel: string): Promise<void> {
    const now = this.options.clock().getTime();
    const at = Math.max(now, this.nextFree.get(channel) ?? 0);
    this.nextFree.delete(channel);
    this.nextFree.set(channel, at + this.intervalMs);
    this.forgetIdle(now);
    if (at > now) await this.sleep(at - now);
  }

  /** Slack said to wait (Retry-After): no post to `channel` before then. */
  holdOff(channel: string, ms: number): void {
    const until = this.options.clock().getTime() + ms;
    this.nextFree.set(channel, Math.max(until, this.nextFree.get(channel) ?? 0));
  }

  private forgetIdle(now: number): void {
    if (this.nextFree.size <= (this.options.capacity ?? 10_000)) return;
    // Insertion order is last-use order (wait re-inserts), so the oldest entries come first.
    for (const [channel, free] of this.nextFree) {
      if (free > now) break;
      this.nextFree.delete(channel);
    }
  }
}
