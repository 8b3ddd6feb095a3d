import { TurnError, type ChatClient, type ChatSession } from './chat-client.js';
import { messageBody } from './utterances.js';

export interface OpenLoopOptions {
  client: ChatClient;
  sessions: ChatSession[];
  /** Offered turns per second across all conversations. */
  ratePerSecond: number;
  /** Turns scheduled in this first stretch are run but not measured. */
  warmupMs: number;
  durationMs: number;
  /** A turn not answered this long after its scheduled time counts as lost. */
  turnTimeoutMs: number;
}

export interface OpenLoopResult {
  /** Turns scheduled in the measured window. */
  scheduled: number;
  completed: number;
  /** Latency per measured turn, from its scheduled send time; Infinity when it never got a reply. */
  latenciesMs: Float64Array;
  /** Measured turns still unanswered when their conversation's next turn was due. */
  fellBehind: number;
  /** How late the client started sends against the schedule (client health, not server latency). */
  maxSendLagMs: number;
  sendLagsMs: Float64Array;
  errors: Record<string, number>;
  /** Wall time of the measured window, for the achieved rate. */
  windowMs: number;
}

interface Conversation {
  busy: boolean;
  /** Turns that came due while the previous one was unanswered: a user does not type over the bot. */
  queued: number[];
}

/**
 * Offers a fixed rate whatever the server does. Turn n is due at t0 + n/R and belongs to conversation
 * n mod C, so each conversation speaks every C/R seconds, phase-shifted, and the aggregate is exactly R.
 * Latency runs from the due time, not the actual send, so a stalled server or client cannot hide its
 * queueing (no coordinated omission). One timer loop fires every send whose time has come.
 */
export function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { client, sessions, ratePerSecond, turnTimeoutMs } = options;
  const conversations: Conversation[] = sessions.map(() => ({ busy: false, queued: [] }));
  const count = conversations.length;
  const intervalMs = 1000 / ratePerSecond;
  const periodMs = count * intervalMs;
  const warmupTurns = Math.round((options.warmupMs * ratePerSecond) / 1000);
  const measuredTurns = Math.round((options.durationMs * ratePerSecond) / 1000);
  const totalTurns = warmupTurns + measuredTurns;

  const latencies = new Float64Array(measuredTurns).fill(Number.POSITIVE_INFINITY);
  const sendLags = new Float64Array(measuredTurns);
  const errors: Record<string, number> = {};
  let completed = 0;
  let outstanding = 0;
  let next = 0;
  const t0 = performance.now() + 50;
  const dueAt = (n: number): number => t0 + n * intervalMs;

  return new Promise((resolveRun) => {
    const finishIfDone = (): void => {
      if (next < totalTurns || outstanding > 0) return;
      let fellBehind = 0;
      for (const latency of latencies) if (latency > periodMs) fellBehind++;
      let maxSendLagMs = 0;
      for (const lag of sendLags) maxSendLagMs = Math.max(maxSendLagMs, lag);
      resolveRun({
        scheduled: measuredTurns, completed, latenciesMs: latencies, fellBehind, maxSendLagMs, sendLagsMs: sendLags, errors,
        windowMs: measuredTurns * intervalMs,
      });
    };

    const start = (n: number): void => {
      const index = n % count;
      const conversation = conversations[index]!;
      const due = dueAt(n);
      conversation.busy = true;
      const body = messageBody(index, Math.floor(n / count));
      client.turn(sessions[index]!, body, due + turnTimeoutMs).then(
        () => {
          if (n >= warmupTurns) {
            latencies[n - warmupTurns] = performance.now() - due;
            completed++;
          }
        },
        (error: unknown) => {
          const code = error instanceof TurnError ? error.code : 'unexpected';
          errors[code] = (errors[code] ?? 0) + 1;
        },
      ).finally(() => {
        outstanding--;
        conversation.busy = false;
        const queued = conversation.queued.shift();
        if (queued !== undefined) start(queued);
        else finishIfDone();
      });
    };

    const tick = (): void => {
      const now = performance.now();
      while (next < totalTurns && dueAt(next) <= now) {
        const n = next++;
        outstanding++;
        // Client lag is only meaningful for sends the timer fired; queued turns wait on the server.
        if (n >= warmupTurns) sendLags[n - warmupTurns] = now - dueAt(n);
        const conversation = conversations[n % count]!;
        if (conversation.busy) conversation.queued.push(n);
        else start(n);
      }
      if (next < totalTurns) setTimeout(tick, Math.max(0, dueAt(next) - performance.now()));
      else finishIfDone();
    };
    setTimeout(tick, Math.max(0, t0 - performance.now()));
  });
}
