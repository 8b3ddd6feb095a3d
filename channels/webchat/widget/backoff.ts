/** Waits ms, or less when the signal aborts first; never rejects. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/** Exponential up to 10 s, jittered so that many widgets do not reconnect in step after an outage. */
export function backoffMs(failures: number): number {
  const base = Math.min(10_000, 500 * 2 ** Math.max(0, failures - 1));
  return base / 2 + Math.random() * (base / 2);
}
