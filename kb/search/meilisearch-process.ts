import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Logger } from '../../bot/logger.js';
import { createInterface } from 'node:readline';
import { isHealthy } from './meilisearch-endpoint.js';
import { SUPERVISOR_SOURCE } from './meilisearch-supervisor.js';
import { MeilisearchStartError } from './search-errors.js';
import { listensOn } from './socket-owner.js';

const TAIL_CHARS = 4000;

/** A Meilisearch server process this Mesa spawned, through its supervisor (meilisearch-supervisor.ts). */
export interface Spawned {
  /** The supervisor: it exits when the server does. */
  child: ChildProcess;
  /** The server's own pid once it runs; null when it never started. */
  serverPid: Promise<number | null>;
  exited: Promise<number | null>;
  stderrTail(): string;
  /** Signals the server and its supervisor (both, so a SIGKILL leaves nothing behind). */
  kill(signal: NodeJS.Signals): void;
}

/** Runs the server on 127.0.0.1:`port` with its data in `dir`; its warnings and errors go to `logger`. */
export function spawnServer(binary: string, dir: string, port: number, masterKey: string, logger: Logger): Spawned {
  const child = spawn(
    process.execPath,
    ['-e', SUPERVISOR_SOURCE, '--', binary, '--db-path', join(dir, 'data.ms'), '--dump-dir', join(dir, 'dumps'), '--snapshot-dir', join(dir, 'snapshots'),
      '--http-addr', `127.0.0.1:${port}`, '--env', 'production', '--no-analytics', '--log-level', 'WARN'],
    {
      // cwd is ours so a stray ./config.toml is never read; the key goes through the environment, not argv
      // (visible in ps), and no MEILI_* variable of Mesa's own environment leaks into the server's settings.
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? dir, MEILI_MASTER_KEY: masterKey },
      // stdin is the supervisor's lifeline: Mesa never writes to it, and its end (Mesa gone) stops the server.
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let pid: number | undefined;
  const serverPid = new Promise<number | null>((resolve) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      const reported = (JSON.parse(line) as { pid?: unknown }).pid;
      pid = typeof reported === 'number' ? reported : undefined;
      resolve(pid ?? null);
    });
    lines.once('close', () => resolve(pid ?? null));
  });
  let tail = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-TAIL_CHARS);
    for (const line of chunk.split('\n')) {
      const clean = line.replace(/\u001b\[[0-9;]*m/g, '').trim();
      // Request errors (an unknown index, a bad filter) reach the caller as errors already; log the rest.
      if (/\bERROR\b/.test(clean)) logger.error({ meilisearch: clean }, 'meilisearch reports an error');
      else if (/\bWARN\b/.test(clean) && !clean.includes('tracing_actix_web')) logger.warn({ meilisearch: clean }, 'meilisearch warns');
    }
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  const kill = (signal: NodeJS.Signals): void => {
    if (pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(pid, signal);
      } catch {
        // Gone already.
      }
    }
    child.kill(signal);
  };
  return { child, serverPid, exited, stderrTail: () => tail, kill };
}

// True when the server at `url` accepts `masterKey`: it is ours, not another one that already had the port.
async function acceptsKey(url: string, masterKey: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/version`, { headers: { authorization: `Bearer ${masterKey}` }, signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Resolves once the server answers /health and accepts the key; throws with its stderr if it exits first or
 * takes longer than `timeoutMs`. The key is sent only once the kernel says that the socket listening on the
 * port is the server's own: whoever else holds the port (one who took it after a crash) never sees it.
 */
export async function waitUntilHealthy(url: string, masterKey: string, server: Spawned, timeoutMs: number): Promise<void> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  const port = Number(new URL(url).port);
  const deadline = Date.now() + timeoutMs;
  const pid = await server.serverPid;
  while (Date.now() < deadline) {
    if (gone || pid === null) throw new MeilisearchStartError('meilisearch_start_failed', `Meilisearch exited before it was ready:\n${server.stderrTail()}`);
    if (listensOn(pid, port) && (await isHealthy(url, 500)) && !gone) {
      if (await acceptsKey(url, masterKey)) return;
      server.kill('SIGKILL');
      throw new MeilisearchStartError('meilisearch_start_failed', `the server on ${url} refuses its master key`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  server.kill('SIGKILL');
  throw new MeilisearchStartError('meilisearch_start_failed', `Meilisearch did not answer /health within ${timeoutMs} ms:\n${server.stderrTail()}`);
}
