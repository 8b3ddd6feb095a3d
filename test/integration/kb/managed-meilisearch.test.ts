import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { startManagedMeilisearch, type ManagedMeilisearch } from '../../../kb/search/managed-meilisearch.js';
import { meilisearchBinary } from '../../../kb/search/meilisearch-binary.js';
import { findRunningMeilisearch, meilisearchDir } from '../../../kb/search/meilisearch-endpoint.js';
import { MeilisearchStartError } from '../../../kb/search/search-errors.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

const logger = pino({ level: 'silent' });

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function createIndex(server: ManagedMeilisearch, uid: string): Promise<void> {
  const headers = { authorization: `Bearer ${server.masterKey}`, 'content-type': 'application/json' };
  const { taskUid } = (await (await fetch(`${server.url}/indexes`, { method: 'POST', headers, body: JSON.stringify({ uid }) })).json()) as { taskUid: number };
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    const task = (await (await fetch(`${server.url}/tasks/${taskUid}`, { headers })).json()) as { status: string };
    if (task.status === 'succeeded') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('index creation did not finish');
}

describe('the Meilisearch that Mesa runs itself', () => {
  const dataDir = freshDataDir('mesa-meili-');
  const dir = meilisearchDir(dataDir);
  let server: ManagedMeilisearch | undefined;

  afterAll(async () => {
    await server?.stop();
  });

  it('starts on 127.0.0.1 with a master key of its own, kept private', async () => {
    server = await startManagedMeilisearch({ dataDir, logger });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/indexes`)).status).toBe(401);
    expect(server.masterKey).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, 'master-key')).mode & 0o777).toBe(0o600);
  });

  it('tells a CLI on the same DATA_DIR where it is', async () => {
    expect(JSON.parse(readFileSync(join(dir, 'endpoint.json'), 'utf8'))).toMatchObject({ url: server!.url, pid: server!.pid });
    expect(await findRunningMeilisearch(dataDir)).toEqual({ url: server!.url, masterKey: server!.masterKey });
  });

  it('restarts with the same key and the same data', async () => {
    await createIndex(server!, 'kept');
    const { masterKey, pid } = server!;
    await server!.stop();
    expect(isRunning(pid)).toBe(false);
    expect(await findRunningMeilisearch(dataDir)).toBeNull();

    server = await startManagedMeilisearch({ dataDir, logger });
    expect(server.masterKey).toBe(masterKey);
    const response = await fetch(`${server.url}/indexes/kept`, { headers: { authorization: `Bearer ${masterKey}` } });
    expect(response.status).toBe(200);
  });

  it('takes over from a Meilisearch left running by a Mesa that crashed', async () => {
    const orphan = server!;
    // What a crashed Mesa leaves behind: a live server whose owner is gone.
    writeFileSync(join(dir, 'endpoint.json'), JSON.stringify({ url: orphan.url, pid: orphan.pid, owner: 2 ** 22 + 1 }));
    server = await startManagedMeilisearch({ dataDir, logger });
    expect(server.pid).not.toBe(orphan.pid);
    expect(isRunning(orphan.pid)).toBe(false);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('says how to use an external Meilisearch when it cannot run its own', () => {
    const attempt = () => meilisearchBinary(dir, 'file:///nonexistent/mesa/kb/search/meilisearch-binary.js');
    expect(attempt).toThrow(MeilisearchStartError);
    expect(attempt).toThrow(/MEILI_URL and MEILI_MASTER_KEY/);
  });
});
