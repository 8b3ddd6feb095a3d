/** One sliding window: at most `limit` sends per `windowMs`. */
export interface SendWindow {
  limit: number;
  windowMs: number;
}

/** Teams' documented per-conversation limits for a bot's sends: 7 a second and 60 in 30 seconds. */
export const TEAMS_SEND_WINDOWS: SendWindow[] = [
  { limit: 7, windowMs: 1000 },
  { limit: 60, windowMs: 30_000 },
];

/**
 * Keeps a bot's sends per conversation under Teams' limits on Mesa's side, so bursts (a card after a text,
 * a notice during a reply) wait a moment instead of earning a 429 that backs the whole conversation off.
 */
export class SendLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly clock: () => Date,
    private readonly windows: SendWindow[] = TEAMS_SEND_WINDOWS,
  ) {}

  /** How long to wait before the next send to `key` may go; 0 when it may go now. */
  delayFor(key: string): number {
    const now = this.clock().getTime();
    const longest = Math.max(...this.windows.map((window) => window.windowMs));
    const times = (this.sent.get(key) ?? []).filter((at) => at > now - longest);
    this.sent.set(key, times);
    let delay = 0;
    for (const { limit, windowMs } of this.windows) {
      const inWindow = times.filter((at) => at > now - windowMs);
      // The oldest send that keeps the window full must leave it before another fits.
      if (inWindow.length >= limit) delay = Math.max(delay, inWindow[inWindow.length - limit]! + windowMs - now);
    }
    if (this.sent.size > 10_000) this.forgetIdle(now - longest);
    return delay;
  }

  /** Counts a send to `key` now. */
  record(key: string): void {
    const times = this.sent.get(key) ?? [];
    times.push(this.clock().getTime());
    this.sent.set(key, times);
  }

  private forgetIdle(before: number): void {
    for (const [key, times] of this.sent) if (!times.some((at) => at > before)) this.sent.delete(key);
  }
}
