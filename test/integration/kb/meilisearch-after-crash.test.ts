import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMesa } from '../../helpers/start-mesa.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Issue 17, item 7: after kill -9 of Mesa its Meilisearch lived on, holding the port, the memory and the
// database lock until the next start found it.
describe('issue 17: the bundled Meilisearch ends with Mesa, even after kill -9', () => {
  it('the Meilisearch process is gone shortly after Mesa is killed', async () => {
    const mesa = await startMesa({ env: { LOG_LEVEL: 'warn' } });
    const { pid, url } = JSON.parse(readFileSync(join(mesa.dataDir, 'meilisearch', 'endpoint.json'), 'utf8')) as { pid: number; url: string };
    expect(isRunning(pid)).toBe(true);
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('meilisearch');

    await mesa.kill();
    const deadline = Date.now() + 15_000;
    while (isRunning(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isRunning(pid)).toBe(false);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 40_000);
});
