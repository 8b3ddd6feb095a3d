import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Logger } from '../../bot/logger.js';
import { isHealthy } from './meilisearch-endpoint.js';
import { MeilisearchStartError } from './search-errors.js';

const TAIL_CHARS = 4000;

/** A Meilisearch server process this Mesa spawned. */
export interface Spawned {
  child: ChildProcess;
  exited: Promise<number | null>;
  stderrTail(): string;
}

/** Runs the server on 127.0.0.1:`port` with its data in `dir`; its warnings and errors go to `logger`. */
export function spawnServer(binary: string, dir: string, port: number, masterKey: string, logger: Logger): Spawned {
  const child = spawn(
    binary,
    ['--db-path', join(dir, 'data.ms'), '--dump-dir', join(dir, 'dumps'), '--snapshot-dir', join(dir, 'snapshots'),
      '--http-addr', `127.0.0.1:${port}`, '--env', 'production', '--no-analytics', '--log-level', 'WARN'],
    {
      // cwd is ours so a stray ./config.toml is never read; the key goes through the environment, not argv
      // (visible in ps), and no MEILI_* variable of Mesa's own environment leaks into the server's settings.
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? dir, MEILI_MASTER_KEY: masterKey },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
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
  return { child, exited, stderrTail: () => tail };
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
 * takes longer than `timeoutMs`, and says "address already in use" when another server holds the port.
 */
export async function waitUntilHealthy(url: string, masterKey: string, server: Spawned, timeoutMs: number): Promise<void> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new MeilisearchStartError('meilisearch_start_failed', `Meilisearch exited before it was ready:\n${server.stderrTail()}`);
    if ((await isHealthy(url, 500)) && !gone) {
      if (await acceptsKey(url, masterKey)) return;
      server.child.kill('SIGKILL');
      throw new MeilisearchStartError('meilisearch_start_failed', `another server answers on ${url} (address already in use)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  server.child.kill('SIGKILL');
  throw new MeilisearchStartError('meilisearch_start_failed', `Meilisearch did not answer /health within ${timeoutMs} ms:\n${server.stderrTail()}`);
}
