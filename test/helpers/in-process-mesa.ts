import { createMesa, type Mesa } from '../../channels/app/app.js';
import { loadConfig } from '../../channels/app/config.js';
import { createLogger } from '../../bot/logger.js';
import { freshDataDir, TEST_CLIENT_LIMITS } from './start-mesa.js';

export interface InProcessMesa {
  url: string;
  dataDir: string;
  mesa: Mesa;
  stop(): Promise<void>;
}

/** Mesa in the test's own process, on real SQLite in a fresh temp DATA_DIR and a free port. */
export async function startInProcess(env: Record<string, string> = {}): Promise<InProcessMesa> {
  const dataDir = env.DATA_DIR ?? freshDataDir();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', MESA_STARTER_KB: 'off', ...TEST_CLIENT_LIMITS, ...env, DATA_DIR: dataDir });
  const mesa = await createMesa(config, createLogger(config.logLevel));
  const port = await mesa.listen();
  return { url: `http://127.0.0.1:${port}`, dataDir, mesa, stop: () => mesa.stop() };
}
