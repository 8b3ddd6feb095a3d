import { createMesa } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from '../../bot/logger.js';

/** Runs `read`; a ConfigError ends the process with its message (exit code 2) instead of a stack trace. */
function configuredOrExit<T>(read: () => T): T {
  const exitOn = (error: unknown): never => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  };
  try {
    const value = read();
    return (value instanceof Promise ? value.catch(exitOn) : value) as T;
  } catch (error) {
    return exitOn(error);
  }
}

/** `npm start`: validate the environment, start Mesa, stop gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = configuredOrExit(loadConfig);
  const logger = createLogger(config.logLevel);
  // The ticketing file is read while Mesa is built; a bad one is a configuration error like a bad variable.
  const mesa = await configuredOrExit(() => createMesa(config, logger));
  const port = await mesa.listen();
  // Operators and scripts wait for this line, so it is printed even when LOG_LEVEL hides other info lines.
  const announce = config.logLevel === 'silent' ? logger : logger.child({}, { level: 'info' });
  announce.info({ event: 'ready', port, url: `http://localhost:${port}`, dataDir: config.dataDir }, `Mesa is ready: open http://localhost:${port}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing turns in flight');
    const force = setTimeout(() => {
      logger.error('graceful stop took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    mesa.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Mesa could not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
