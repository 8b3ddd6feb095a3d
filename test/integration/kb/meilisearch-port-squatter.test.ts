import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startManagedMeilisearch, type ManagedMeilisearch } from '../../../kb/search/managed-meilisearch.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Takes the port as soon as it is free, answers like a Meilisearch, and writes down what it was sent.
function squat(port: number, seen: string[]): Promise<Server | undefined> {
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url} ${request.headers.authorization ?? '-'}`);
    response.writeHead(200, { 'content-type': 'application/json' }).end(request.url === '/health' ? '{"status":"available"}' : '{"pkgVersion":"1.21.0"}');
  });
  return new Promise((resolve) => {
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

// Issue 17, item 3: after a crash the managed Meilisearch was started again on its port and sent the master
// key to whatever answered /health there, which need not be the server Mesa had just started.
describe('issue 17: a restart never hands the master key to another process on the port', () => {
  let managed: ManagedMeilisearch | undefined;
  afterAll(() => managed?.stop());

  it('while another process holds the old port it gets no key; once it leaves, search is back on the same URL', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _encoding, done) => { lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>); done(); } }));
    managed = await startManagedMeilisearch({ dataDir: freshDataDir('mesa-squat-'), logger });
    const { url, masterKey, pid } = managed;
    const port = Number(new URL(url).port);

    process.kill(pid, 'SIGKILL');
    const seen: string[] = [];
    const squatter = await until('the port to be free for the squatter', () => squat(port, seen));
    try {
      const attempt = await until('a restart attempt', () => lines.find((line) => line.msg === 'meilisearch did not restart; will try again' || line.msg === 'meilisearch restarted'));
      expect(seen.filter((request) => request.includes(masterKey))).toEqual([]);
      expect(seen.filter((request) => !request.endsWith(' -'))).toEqual([]);
      expect(attempt.msg).toBe('meilisearch did not restart; will try again');
    } finally {
      squatter.closeAllConnections();
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
    await until('the restarted server', () => (managed!.pid !== pid && lines.some((line) => line.msg === 'meilisearch restarted') ? true : undefined), 40_000);
    expect(managed.url).toBe(url);
    const indexes = await fetch(`${url}/indexes`, { headers: { authorization: `Bearer ${masterKey}` } });
    expect(indexes.status).toBe(200);
    expect(seen.filter((request) => request.includes(masterKey))).toEqual([]);
  }, 60_000);
});
