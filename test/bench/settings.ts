/**
 * Benchmark sizes. The defaults are the agreed workload; BENCH_* variables shrink or grow it for quick
 * local runs, and BENCH_SERVER=echo points the Mesa phases at the echo server to check the load generator.
 */
const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export const settings = {
  rate: envNumber('BENCH_RATE', 200),
  conversations: envNumber('BENCH_CONVERSATIONS', 1000),
  warmupMs: envNumber('BENCH_WARMUP_S', 5) * 1000,
  durationMs: envNumber('BENCH_DURATION_S', 30) * 1000,
  closedConversations: envNumber('BENCH_CLOSED_CONVERSATIONS', 50),
  closedWarmupMs: envNumber('BENCH_CLOSED_WARMUP_S', 3) * 1000,
  closedDurationMs: envNumber('BENCH_CLOSED_DURATION_S', 15) * 1000,
  /**
   * The closed-loop time is split into this many alternating rounds (Mesa, echo, Mesa, echo, ...): the
   * machine is shared, and interleaving makes a burst of someone else's work hit both servers alike.
   * Bursts here last seconds, so rounds of 3 s pair the two servers more closely than rounds of 5 s did.
   */
  closedRounds: envNumber('BENCH_CLOSED_ROUNDS', 5),
  /** A turn not answered this long after it was due is counted as lost. */
  turnTimeoutMs: 15_000,
  target: process.env.BENCH_SERVER === 'echo' ? 'echo' : 'mesa',
  /** The open loop against echo shows what this machine and client manage at best right now. */
  echoOpenLoop: process.env.BENCH_ECHO_OPEN !== 'off',
  /**
   * BENCH_UNIQUE_TEXTS=on makes every message unique (a different run of trailing punctuation, so the
   * meaning and the flow stay the same): nothing Mesa remembers about a message is reused.
   */
  uniqueTexts: process.env.BENCH_UNIQUE_TEXTS === 'on',
  /** Slack ack phase: signed events per second, for how long, from how many users. */
  slackRate: envNumber('BENCH_SLACK_RATE', 200),
  slackDurationMs: envNumber('BENCH_SLACK_DURATION_S', 60) * 1000,
  slackUsers: envNumber('BENCH_SLACK_USERS', 1000),
} as const;

export const targets = { openP99Ms: 50, fellBehind: 0, ratio: 0.5, slackAckP99Ms: 500 } as const;
