import { SendLimiter } from '../../../channels/whatsapp/send-limiter.js';

/** A limiter on a fake clock: sleeping moves the clock, so the test never waits. */
function limiterAt(options: { chatIntervalMs: number; maxPerMinute: number }) {
  let now = 1_000_000;
  const slept: number[] = [];
  const limiter = new SendLimiter({
    ...options,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  });
  const sentAt: number[] = [];
  return {
    slept,
    sentAt,
    advance: (ms: number) => (now += ms),
    send: async (chatId: string) => {
      await limiter.acquire(chatId, new AbortController().signal);
      sentAt.push(now);
    },
  };
}

describe('WhatsApp send pacing (protects the number from bans)', () => {
  it('sends the first message to a chat at once and each next one 6 s after the previous', async () => {
    const limiter = limiterAt({ chatIntervalMs: 6000, maxPerMinute: 30 });
    for (let i = 0; i < 3; i++) await limiter.send('34600000001@c.us');
    expect(limiter.sentAt.map((at) => at - limiter.sentAt[0]!)).toEqual([0, 6000, 12_000]);
  });

  it('does not make one chat wait for another', async () => {
    const limiter = limiterAt({ chatIntervalMs: 6000, maxPerMinute: 30 });
    await limiter.send('34600000001@c.us');
    await limiter.send('34600000002@c.us');
    expect(limiter.slept).toEqual([]);
  });

  it('lets a chat that was quiet long enough send at once', async () => {
    const limiter = limiterAt({ chatIntervalMs: 6000, maxPerMinute: 30 });
    await limiter.send('34600000001@c.us');
    limiter.advance(7000);
    await limiter.send('34600000001@c.us');
    expect(limiter.slept).toEqual([]);
  });

  it('holds every chat once the number sent its cap in the last minute, until the oldest send is a minute old', async () => {
    const limiter = limiterAt({ chatIntervalMs: 0, maxPerMinute: 3 });
    for (const chat of ['a', 'b', 'c']) {
      await limiter.send(`${chat}@c.us`);
      limiter.advance(1000);
    }
    await limiter.send('d@c.us');
    expect(limiter.sentAt[3]! - limiter.sentAt[0]!).toBe(60_000);
  });

  it('gives up waiting when the channel stops', async () => {
    const limiter = new SendLimiter({ chatIntervalMs: 6000, maxPerMinute: 30, now: () => 0, sleep: (_ms, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))) });
    const stopping = new AbortController();
    await limiter.acquire('x@c.us', stopping.signal);
    const waiting = limiter.acquire('x@c.us', stopping.signal);
    stopping.abort(new Error('stopping'));
    await expect(waiting).rejects.toThrow('stopping');
  });
});
