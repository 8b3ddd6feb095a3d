import type { Logger } from '../logger.js';
import type { ConversationRepository } from './conversation-repository.js';

export interface UnusedConversationSweepOptions {
  repository: ConversationRepository;
  channel: string;
  /** A conversation with no message this long after it started is forgotten. */
  maxAgeMs: number;
  clock: () => Date;
  logger: Logger;
  /** How often to look; the default is often enough for a 24 h limit. */
  intervalMs?: number;
}

export interface UnusedConversationSweep {
  /** One pass now; resolves with how many conversations were forgotten. */
  sweep(): Promise<number>;
  stop(): void;
}

// Small batches, so one pass never holds the event loop or the WAL for long; the next pass takes the rest.
const BATCH = 500;

/**
 * Anyone may open a web chat session without signing in, so sessions nobody wrote in are not kept forever:
 * each is a row, a user and an entry in the memory caches. Periodically forgets those older than maxAgeMs.
 */
export function startUnusedConversationSweep(options: UnusedConversationSweepOptions): UnusedConversationSweep {
  const { repository, channel, maxAgeMs, clock, logger } = options;
  let running: Promise<number> | null = null;
  const sweep = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const createdBefore = new Date(clock().getTime() - maxAgeMs);
      const gone = await repository.forgetUnusedConversations({ channel, createdBefore, limit: BATCH });
      total += gone;
      if (gone < BATCH) break;
    }
    if (total > 0) logger.info({ conversations: total, channel }, 'forgot chat sessions that never sent a message');
    return total;
  };
  const once = (): Promise<number> => (running ??= sweep().finally(() => (running = null)));
  const timer = setInterval(() => {
    once().catch((error: unknown) => logger.warn({ err: error }, 'forgetting unused chat sessions failed; will retry'));
  }, options.intervalMs ?? 10 * 60_000);
  timer.unref();
  return { sweep: once, stop: () => clearInterval(timer) };
}
