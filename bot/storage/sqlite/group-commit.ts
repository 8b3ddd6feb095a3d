interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects writes submitted in the same tick of the event loop and commits them in one transaction,
 * so many concurrent users share one disk flush instead of queueing behind one flush each.
 */
export class GroupCommit<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private scheduled = false;

  /**
   * `commit` writes all items atomically and returns one result per item, in order; `flush` then makes the
   * commit durable before anyone is told it is done.
   */
  constructor(
    private readonly commit: (items: T[]) => R[],
    private readonly flush: () => Promise<void> = async () => undefined,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.commitBatch());
      }
    });
  }

  private async commitBatch(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    let results: R[];
    try {
      results = this.commit(batch.map((waiting) => waiting.item));
    } catch (error) {
      // One bad item must not fail the others: each gets its own transaction and its own answer.
      if (batch.length === 1) return batch[0]!.reject(error);
      return this.commitEach(batch);
    }
    await this.settle(batch, results);
  }

  private async commitEach(batch: Waiting<T, R>[]): Promise<void> {
    const committed: Waiting<T, R>[] = [];
    const results: R[] = [];
    for (const waiting of batch) {
      try {
        results.push(this.commit([waiting.item])[0] as R);
        committed.push(waiting);
      } catch (error) {
        waiting.reject(error);
      }
    }
    await this.settle(committed, results);
  }

  private async settle(batch: Waiting<T, R>[], results: R[]): Promise<void> {
    try {
      await this.flush();
      batch.forEach((waiting, index) => waiting.resolve(results[index] as R));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
