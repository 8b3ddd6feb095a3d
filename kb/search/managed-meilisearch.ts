import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../bot/logger.js';
import { freePort } from './free-port.js';
import { readOrCreateMasterKey } from './master-key.js';
import { meilisearchBinary } from './meilisearch-binary.js';
import { clearEndpoint, meilisearchDir, readEndpoint, writeEndpoint, type MeilisearchEndpoint } from './meilisearch-endpoint.js';
import { spawnServer, waitUntilHealthy, type Spawned } from './meilisearch-process.js';
import { stopStaleMeilisearch } from './stale-meilisearch.js';

export { findRunningMeilisearch } from './meilisearch-endpoint.js';

/** A Meilisearch server Mesa started as its child process, on 127.0.0.1 only. */
export interface ManagedMeilisearch extends MeilisearchEndpoint {
  /** The current server process (a new one after a restart). */
  readonly pid: number;
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

  /** Starts the binary and waits until it is healthy; a port taken between picking and binding is picked again. */
  const spawnHealthy = async (wantedPort: number | undefined): Promise<{ server: Spawned; url: string; pid: number }> => {
    for (let attempt = 1; ; attempt += 1) {
      const port = attempt === 1 && wantedPort ? wantedPort : await freePort();
      const candidateUrl = `http://127.0.0.1:${port}`;
      const candidate = spawnServer(binary, dir, port, masterKey, logger);
      try {
        await waitUntilHealthy(candidateUrl, masterKey, candidate, options.startTimeoutMs ?? 30_000);
        return { server: candidate, url: candidateUrl, pid: (await candidate.serverPid)! };
      } catch (error) {
        if (attempt >= 4 || !/address already in use/i.test(`${(error as Error).message}\n${candidate.stderrTail()}`)) throw error;
      }
    }
  };

  const first = await spawnHealthy(options.port);
  const url = first.url;
  const port = Number(new URL(url).port);
  let server = first.server;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;

  // Search is part of the product: a crashed server is started again on the same port, so every client keeps
  // its URL; meanwhile searches fail fast and the bot apologises.
  let serverPid = 0;
  const supervise = (current: Spawned, pid: number, delayMs = 1000): void => {
    serverPid = pid;
    writeEndpoint(dir, { url, pid, owner: process.pid });
    void current.exited.then((code) => {
      // Another Mesa that took over this DATA_DIR (and stopped our server) owns search now: leave it alone.
      const record = readEndpoint(dir);
      const ours = record?.pid === pid && record.owner === process.pid;
      clearEndpoint(dir, pid);
      if (stopping || !ours) return;
      logger.error({ pid, code, stderr: current.stderrTail().slice(-1000) }, 'meilisearch exited unexpectedly; restarting it');
      scheduleRestart(delayMs);
    });
  };
  const scheduleRestart = (delayMs: number): void => {
    restartTimer = setTimeout(() => {
      if (stopping) return;
      spawnHealthy(port).then(
        (restarted) => {
          if (stopping) {
            restarted.server.kill('SIGTERM');
            return;
          }
          if (restarted.url !== url) {
            // Our port was taken meanwhile: this server is useless to clients that know the old URL.
            restarted.server.kill('SIGTERM');
            throw new Error(`port ${port} is taken`);
          }
          server = restarted.server;
          logger.info({ url, pid: restarted.pid }, 'meilisearch restarted');
          supervise(server, restarted.pid);
        },
      ).catch((error: unknown) => {
        logger.error({ err: error }, 'meilisearch did not restart; will try again');
        scheduleRestart(Math.min(delayMs * 2, 30_000));
      });
    }, delayMs);
    restartTimer.unref();
  };
  supervise(server, first.pid);
  logger.info({ url, pid: first.pid }, 'meilisearch started');

  return {
    url,
    masterKey,
    get pid() {
      return serverPid;
    },
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      const current = server;
      const { child, exited } = current;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => current.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      clearEndpoint(dir, serverPid);
    },
  };
}
