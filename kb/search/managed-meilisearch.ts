import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../bot/logger.js';
import { freePort } from './free-port.js';
import { readOrCreateMasterKey } from './master-key.js';
import { meilisearchBinary } from './meilisearch-binary.js';
import { clearEndpoint, meilisearchDir, writeEndpoint, type MeilisearchEndpoint } from './meilisearch-endpoint.js';
import { spawnServer, waitUntilHealthy, type Spawned } from './meilisearch-process.js';
import { stopStaleMeilisearch } from './stale-meilisearch.js';

export { findRunningMeilisearch } from './meilisearch-endpoint.js';

/** A Meilisearch server Mesa started as its child process, on 127.0.0.1 only. */
export interface ManagedMeilisearch extends MeilisearchEndpoint {
  pid: number;
  /** SIGTERM, then waits for the process to exit (SIGKILL if it takes longer than 10 s). */
  stop(): Promise<void>;
}

export interface ManagedMeilisearchOptions {
  dataDir: string;
  logger: Logger;
  /** How long the server may take to answer /health. */
  startTimeoutMs?: number;
  /** Port to listen on if it is free (a restart keeps its URL so clients need not change); else any free port. */
  port?: number;
}

/**
 * Starts the Meilisearch binary shipped with Mesa, data under `<dataDir>/meilisearch/`, and resolves once
 * it answers /health. Throws a MeilisearchStartError saying how to use an external server instead when
 * this platform has no shipped binary.
 */
export async function startManagedMeilisearch(options: ManagedMeilisearchOptions): Promise<ManagedMeilisearch> {
  const { logger } = options;
  const dir = meilisearchDir(options.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const binary = meilisearchBinary(dir);
  const masterKey = readOrCreateMasterKey(join(dir, 'master-key'));
  await stopStaleMeilisearch(dir, join(dir, 'data.ms'), logger);

  let server: Spawned | undefined;
  let url = '';
  // The port is free when picked but may be taken before Meilisearch binds it: pick again.
  for (let attempt = 1; !server; attempt += 1) {
    const port = attempt === 1 && options.port ? options.port : await freePort();
    url = `http://127.0.0.1:${port}`;
    const candidate = spawnServer(binary, dir, port, masterKey, logger);
    try {
      await waitUntilHealthy(url, masterKey, candidate, options.startTimeoutMs ?? 30_000);
      server = candidate;
    } catch (error) {
      if (attempt >= 4 || !/address already in use/i.test(`${(error as Error).message}\n${candidate.stderrTail()}`)) throw error;
    }
  }
  const { child, exited } = server;
  const pid = child.pid!;
  writeEndpoint(dir, { url, pid, owner: process.pid });
  let stopping = false;
  void exited.then((code) => {
    clearEndpoint(dir, pid);
    if (!stopping) logger.error({ pid, code, stderr: server.stderrTail().slice(-1000) }, 'meilisearch exited unexpectedly');
  });
  logger.info({ url, pid }, 'meilisearch started');

  return {
    url,
    masterKey,
    pid,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      clearEndpoint(dir, pid);
    },
  };
}
