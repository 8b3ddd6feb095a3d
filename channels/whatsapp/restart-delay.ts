/** How long to wait before restarting a failed worker: doubling from `initialMs`, capped at `maxMs`. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
}

const DEFAULT_BACKOFF: Backoff = { initialMs: 2000, maxMs: 300_000 };

/** The wait before the `failures`-th consecutive restart. */
export function restartDelay(failures: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(Math.max(failures - 1, 0), 20));
}
