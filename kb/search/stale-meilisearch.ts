import { readFileSync } from 'node:fs';
import type { Logger } from '../../bot/logger.js';
import { readEndpoint } from './meilisearch-endpoint.js';
import { MeilisearchStartError } from './search-errors.js';

function processInfo(pid: number): { cmdline: string; parentPid: number } | null {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { cmdline, parentPid };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isAlive(pid);
}

/**
 * A Meilisearch left running on `dbPath` by a Mesa that crashed (one started before the supervisor, or whose
 * supervisor was killed too) holds the database lock; stop it so this start can take over. One still owned by a live process is left alone.
 */
export async function stopStaleMeilisearch(dir: string, dbPath: string, logger: Logger): Promise<void> {
  const record = readEndpoint(dir);
  if (!record) return;
  const info = processInfo(record.pid);
  if (!info || !info.cmdline.includes('meilisearch') || !info.cmdline.includes(dbPath)) return;
  // The server runs under a supervisor (meilisearch-supervisor.ts), whose parent is the Mesa that owns it.
  const owned = info.parentPid === record.owner || processInfo(info.parentPid)?.parentPid === record.owner;
  if (record.owner !== undefined && record.owner !== process.pid && owned) {
    throw new MeilisearchStartError(
      'meilisearch_in_use',
      `Process ${record.owner} already runs the Meilisearch of this DATA_DIR (pid ${record.pid}); stop it, or give this Mesa its own DATA_DIR.`,
    );
  }
  logger.warn({ pid: record.pid }, 'stopping a Meilisearch left running by an earlier Mesa');
  process.kill(record.pid, 'SIGTERM');
  if (await waitForExit(record.pid, 10_000)) return;
  process.kill(record.pid, 'SIGKILL');
  await waitForExit(record.pid, 5_000);
}
