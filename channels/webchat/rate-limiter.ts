const MINUTE = 60_000;

interface Window {
  start: number;
  count: number;
  previous: number;
}

/**
 * A per-key limit over a sliding minute, estimated from this minute's and the last minute's counts
 * (constant memory and time per key); enough to stop a runaway client without a shared store.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Records a hit and says whether it is within the limit. */
  allow(key: string): boolean {
    const now = this.clock();
    const current = Math.floor(now / MINUTE) * MINUTE;
    let window = this.windows.get(key);
    if (!window || window.start !== current) {
      const previous = window && window.start === current - MINUTE ? window.count : 0;
      window = { start: current, count: 0, previous };
      this.windows.set(key, window);
      if (this.windows.size > 50_000) this.forgetIdle(current);
    }
    const weight = 1 - (now - current) / MINUTE;
    if (window.count + window.previous * weight >= this.perMinute) return false;
    window.count += 1;
    return true;
  }

  private forgetIdle(current: number): void {
    for (const [key, window] of this.windows) if (window.start < current - MINUTE) this.windows.delete(key);
  }
}
