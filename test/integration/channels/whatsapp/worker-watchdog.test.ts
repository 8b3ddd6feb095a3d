import { join } from 'node:path';
import { createLogger } from '../../../../bot/logger.js';
import { ForkedTransport } from '../../../../channels/whatsapp/forked-transport.js';
import { restartDelay } from '../../../../channels/whatsapp/restart-delay.js';
import type { TransportEvent } from '../../../../channels/whatsapp/whatsapp-transport.js';
import { projectRoot } from '../../../../bot/paths.js';
import { until } from '../../../helpers/channels/whatsapp/until.js';

const fixture = (name: string): string => join(projectRoot(), 'test/fixtures/whatsapp', name);
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The watchdog on real forked processes: stub workers that speak the worker protocol (no whatsapp-web.js). */
describe('WhatsApp worker watchdog (stub worker scripts)', () => {
  let transport: ForkedTransport | undefined;
  const events: TransportEvent[] = [];

  function started(workerPath: string, options: { maxRssBytes?: number } = {}): ForkedTransport {
    events.length = 0;
    transport = new ForkedTransport({
      workerPath,
      start: { type: 'start', dataPath: '/tmp/unused', clientId: 'mesa', chromiumPath: '/usr/bin/chromium' },
      logger: createLogger('silent'),
      maxRssBytes: options.maxRssBytes ?? 800 * 1024 * 1024,
      memoryCheckMs: 100,
      backoff: { initialMs: 50, maxMs: 200 },
      stopGraceMs: 2000,
    });
    void transport.start((event) => events.push(event));
    return transport;
  }
  const count = (type: TransportEvent['type']): number => events.filter((event) => event.type === type).length;

  afterEach(async () => {
    await transport?.stop();
    transport = undefined;
  });

  it('starts a new worker when the old one dies, and sends through it', async () => {
    const watched = started(fixture('stub-worker.mjs'));
    await until(() => count('ready') === 1, 'the worker to be ready');
    const first = watched.pid!;
    process.kill(first, 'SIGKILL');
    await until(() => count('ready') === 2, 'a restarted worker to be ready');
    expect(watched.pid).not.toBe(first);
    expect(events.find((event) => event.type === 'restarting')).toMatchObject({ reason: 'exited (SIGKILL)', inMs: 50 });
    await expect(watched.send('34600000001@c.us', 'hello')).resolves.toBeUndefined();
  });

  it('restarts a worker whose memory passes the limit', async () => {
    const watched = started(fixture('memory-hog-worker.mjs'), { maxRssBytes: 150 * 1024 * 1024 });
    const first = await until(() => watched.pid, 'the worker to start');
    const restarting = await until(() => events.find((event) => event.type === 'restarting'), 'the watchdog to restart it');
    expect(restarting).toMatchObject({ reason: expect.stringMatching(/^used \d+ MB, over its 150 MB limit$/) });
    expect(alive(first)).toBe(false);
    await until(() => watched.pid !== undefined && watched.pid !== first, 'a new worker to start');
  });

  it('reconnects after WhatsApp disconnects, by starting the worker again', async () => {
    started(fixture('logged-out-worker.mjs'));
    const restarting = await until(() => events.find((event) => event.type === 'restarting'), 'the watchdog to restart it');
    expect(restarting).toMatchObject({ reason: 'disconnected: LOGOUT' });
    await until(() => count('disconnected') === 2, 'the restarted worker to report in');
  });

  it('ends its worker on stop and does not start another', async () => {
    const watched = started(fixture('stub-worker.mjs'));
    await until(() => count('ready') === 1, 'the worker to be ready');
    const pid = watched.pid!;
    await watched.stop();
    expect(alive(pid)).toBe(false);
    expect(count('restarting')).toBe(0);
    await expect(watched.send('34600000001@c.us', 'hello')).rejects.toThrow('restarting');
  });

  it('backs off: doubling waits between failed restarts, capped', () => {
    expect([1, 2, 3, 4, 12].map((failures) => restartDelay(failures))).toEqual([2000, 4000, 8000, 16_000, 300_000]);
  });
});
