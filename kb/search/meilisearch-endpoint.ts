import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readOrCreateMasterKey } from './master-key.js';

/** Where the managed instance keeps its data, key and endpoint under DATA_DIR. */
export function meilisearchDir(dataDir: string): string {
  return join(dataDir, 'meilisearch');
}

/** How a client reaches a Meilisearch server. */
export interface MeilisearchEndpoint {
  url: string;
  masterKey: string;
}

// `owner` is the process that started the server: while it lives, the server is in use, not left over.
const endpointFile = z.object({ url: z.string().url(), pid: z.number().int().positive(), owner: z.number().int().positive().optional() });

export type EndpointRecord = z.infer<typeof endpointFile>;

export function writeEndpoint(dir: string, record: EndpointRecord): void {
  const path = join(dir, 'endpoint.json');
  writeFileSync(`${path}.tmp`, `${JSON.stringify(record)}\n`);
  renameSync(`${path}.tmp`, path);
}

export function readEndpoint(dir: string): EndpointRecord | null {
  try {
    const parsed = endpointFile.safeParse(JSON.parse(readFileSync(join(dir, 'endpoint.json'), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Removes endpoint.json if it still describes `pid` (a newer instance may have replaced it). */
export function clearEndpoint(dir: string, pid: number): void {
  if (readEndpoint(dir)?.pid === pid) rmSync(join(dir, 'endpoint.json'), { force: true });
}

/** True once `url` answers GET /health with 200 within `timeoutMs`. */
export async function isHealthy(url: string, timeoutMs = 1000): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The managed Meilisearch another process (a live Mesa) started on this DATA_DIR, or null when there is
 * none answering: lets `npm run kb:import` index into the same server.
 */
export async function findRunningMeilisearch(dataDir: string): Promise<MeilisearchEndpoint | null> {
  const dir = meilisearchDir(dataDir);
  const record = readEndpoint(dir);
  if (!record || !existsSync(join(dir, 'master-key'))) return null;
  if (!(await isHealthy(record.url))) return null;
  return { url: record.url, masterKey: readOrCreateMasterKey(join(dir, 'master-key')) };
}
