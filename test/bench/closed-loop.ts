import { TurnError, type ChatClient, type ChatSession } from './chat-client.js';
import { messageBody } from './utterances.js';

export interface ClosedLoopOptions {
  client: ChatClient;
  sessions: ChatSession[];
  warmupMs: number;
  durationMs: number;
  turnTimeoutMs: number;
}

export interface ClosedLoopResult {
  /** Turns answered inside the measured window. */
  turns: number;
  turnsPerSecond: number;
  /** Latency of turns that started and ended inside the window. */
  latenciesMs: number[];
  errors: Record<string, number>;
}

const pause = (ms: number): Promise<void> => new Promise((resolvePause) => setTimeout(resolvePause, ms));

/**
 * Each conversation sends its next message the moment the bot's reply is read: the throughput ceiling
 * for this many concurrent users. Only turns that finish inside the window count, so warm-up and the
 * tail after the window do not inflate the rate.
 */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const { client, sessions, turnTimeoutMs } = options;
  const windowStart = performance.now() + options.warmupMs;
  const windowEnd = windowStart + options.durationMs;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let turns = 0;

  const converse = async (index: number): Promise<void> => {
    const session = sessions[index]!;
    for (let turn = 0; performance.now() < windowEnd; turn++) {
      const started = performance.now();
      try {
        await client.turn(session, messageBody(index, turn), started + turnTimeoutMs);
      } catch (error) {
        const code = error instanceof TurnError ? error.code : 'unexpected';
        errors[code] = (errors[code] ?? 0) + 1;
        // Back off so a refusing server (e.g. 429) is not spun against and the error count stays readable.
        await pause(100);
        continue;
      }
      const done = performance.now();
      if (done >= windowStart && done <= windowEnd) {
        turns++;
        if (started >= windowStart) latencies.push(done - started);
      }
    }
  };

  await Promise.all(sessions.map((_, index) => converse(index)));
  return { turns, turnsPerSecond: (turns * 1000) / options.durationMs, latenciesMs: latencies, errors };
}
