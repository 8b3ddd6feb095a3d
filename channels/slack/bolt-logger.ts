import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../bot/logger.js';

const toText = (parts: unknown[]): string => parts.map((part) => (typeof part === 'string' ? part : part instanceof Error ? part.message : JSON.stringify(part))).join(' ');

/**
 * Bolt's and the Web API's log lines in Mesa's structured log. Bolt logs unverifiable requests at warn;
 * those show up here as one line each, without their bodies.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    // Bolt and the Web API log every call at debug; turning those into text only when they are written keeps
    // them off the hot path.
    debug: (...parts) => {
      if (logger.isLevelEnabled('debug')) logger.debug(toText(parts));
    },
    info: (...parts) => {
      if (logger.isLevelEnabled('info')) logger.info(toText(parts));
    },
    warn: (...parts) => logger.warn(toText(parts)),
    error: (...parts) => logger.error(toText(parts)),
    // Mesa's LOG_LEVEL decides what is written; Bolt's own level is only remembered for Bolt.
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
