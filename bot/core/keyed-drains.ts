/**
 * Work done per key (a conversation), never twice at once for one key, different keys concurrently. Scheduling
 * a key while its work runs makes the work ask for another round (`more()` is true), so nothing scheduled in
 * the middle of a run is missed and nothing runs twice in parallel.
 */
export class KeyedDrains {
  private readonly drains = new Map<string, { again: boolean; done: Promise<void> }>();

  constructor(private readonly work: (key: string, more: () => boolean) => Promise<void>) {}

  schedule(key: string): void {
    const running = this.drains.get(key);
    if (running) {
      running.again = true;
      return;
    }
    const drain = { again: false, done: Promise.resolve() };
    this.drains.set(key, drain);
    const more = (): boolean => {
      const again = drain.again;
      drain.again = false;
      return again;
    };
    drain.done = this.work(key, more).finally(() => this.drains.delete(key));
  }

  /** Resolves when no work is running. */
  async idle(): Promise<void> {
    while (this.drains.size > 0) await Promise.all([...this.drains.values()].map((drain) => drain.done));
  }
}

/** Timers that retry a key's work later; at most one per key. */
export class KeyedRetries {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  has(key: string): boolean {
    return this.timers.has(key);
  }

  later(key: string, delayMs: number, retry: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(key);
      retry();
    }, delayMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
