/**
 * Per-language counts of discrete features turned into add-k smoothed log-probabilities
 * (multinomial naive Bayes). Lookups return one small array per feature, so scoring a
 * message costs a few Map reads per word.
 */
export class FeatureTable {
  private readonly counts = new Map<string, number[]>();
  private readonly totals: number[];
  private logProbs = new Map<string, Float64Array>();
  private spreads = new Map<string, number>();

  constructor(
    private readonly classes: number,
    private readonly smoothing: number,
  ) {
    this.totals = new Array<number>(classes).fill(0);
  }

  add(classIndex: number, feature: string): void {
    let row = this.counts.get(feature);
    if (!row) {
      row = new Array<number>(this.classes).fill(0);
      this.counts.set(feature, row);
    }
    row[classIndex] = (row[classIndex] ?? 0) + 1;
    this.totals[classIndex] = (this.totals[classIndex] ?? 0) + 1;
  }

  /**
   * Freezes the counts into log-probabilities; call once, after the last add().
   * With `sharedFrom`, classes that each saw a feature at least that often get the same (best)
   * probability for it: "si" is everyday Spanish and Italian, and which of the two happens to use
   * it more in the training text says nothing about who is writing.
   */
  finish(sharedFrom = Infinity): void {
    const vocabulary = this.counts.size;
    const denominators = this.totals.map((total) => total + this.smoothing * vocabulary);
    this.logProbs = new Map();
    this.spreads = new Map();
    for (const [feature, row] of this.counts) {
      this.spreads.set(feature, row.filter((count) => count > 0).length);
      const logProbs = Float64Array.from(row, (count, i) => Math.log((count + this.smoothing) / (denominators[i] ?? 1)));
      const sharers = row.flatMap((count, i) => (count >= sharedFrom ? [i] : []));
      if (sharers.length > 1) {
        const best = Math.max(...sharers.map((i) => logProbs[i] ?? -Infinity));
        for (const i of sharers) logProbs[i] = best;
      }
      this.logProbs.set(feature, logProbs);
    }
  }

  /** log P(feature | class) for every class, or undefined for a feature never seen in training. */
  logProbabilities(feature: string): Float64Array | undefined {
    return this.logProbs.get(feature);
  }

  /** In how many classes the feature occurred during training (0 for an unknown feature). */
  spread(feature: string): number {
    return this.spreads.get(feature) ?? 0;
  }
}
