import { ChannelLimiter } from '../../../../channels/slack/channel-limiter.js';

describe('per-channel posting limit', () => {
  it('spaces posts to one channel a second apart and leaves other channels alone', async () => {
    let now = 1_000_000;
    const waits: number[] = [];
    const limiter = new ChannelLimiter({ clock: () => new Date(now), sleep: async (ms) => { waits.push(ms); } });
    await Promise.all([limiter.wait('C1'), limiter.wait('C1'), limiter.wait('C1'), limiter.wait('C2')]);
    expect(waits).toEqual([1000, 2000]);
    now += 5000;
    await limiter.wait('C1');
    expect(waits).toHaveLength(2);
  });

  it('holds a channel back as long as Slack\'s Retry-After says', async () => {
    const now = 1_000_000;
    const waits: number[] = [];
    const limiter = new ChannelLimiter({ clock: () => new Date(now), sleep: async (ms) => { waits.push(ms); } });
    limiter.holdOff('C1', 30_000);
    await limiter.wait('C1');
    expect(waits).toEqual([30_000]);
  });
});
