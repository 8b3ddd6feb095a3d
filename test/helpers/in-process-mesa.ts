import { createMesa, type Mesa, type MesaOptions } from '../../channels/app/app.js';
import { loadConfig } from '../../channels/app/config.js';
import { createLogger } from '../../bot/logger.js';
import { freshDataDir, TEST_CLIENT_LIMITS } from './start-mesa.js';

export interface InProcessMesa {
  url: string;
  dataDir: string;
  mesa: Mesa;
  stop(): Promise<void>;
}

/**
 * Mesa in the test's own process, on real SQLite in a fresh temp DATA_DIR and a free port. Channels read their
 * settings from `env` only, never from the shell that runs the tests.
 */
export async function startInProcess(env: Record<string, string> = {}, options: Pick<MesaOptions, 'extraChannels' | 'clock'> = {}): Promise<InProcessMesa> {
  const dataDir = env.DATA_DIR ?? freshDataDir();
  const settings = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', MESA_STARTER_KB: 'off', ...TEST_CLIENT_LIMITS, ...env, DATA_DIR: dataDir };
  const config = loadConfig(settings);
  const mesa = await createMesa(config, createLogger(config.logLevel), { ...options, env: settings });
  const port = await mesa.listen();
  return { url: `http://127.0.0.1:${port}`, dataDir, mesa, stop: () => mesa.stop() };
}
