import { RateLimiter } from '../../channels/webchat/rate-limiter.js';

describe('per-session message rate limit', () => {
  it('lets a burst through up to the limit, refuses the rest, and allows again a minute later', () => {
    let now = 1_000_000 * 60_000;
    const limiter = new RateLimiter(10, () => now);
    const results = Array.from({ length: 12 }, () => limiter.allow('chat-1'));
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(results.slice(10)).toEqual([false, false]);
    expect(limiter.allow('chat-2')).toBe(true);
    now += 2 * 60_000;
    expect(limiter.allow('chat-1')).toBe(true);
  });

  it('counts the previous minute too, so a burst across the minute boundary cannot double the limit', () => {
    let now = 1_000_000 * 60_000 + 59_000;
    const limiter = new RateLimiter(10, () => now);
    for (let i = 0; i < 10; i += 1) limiter.allow('chat');
    now += 2_000;
    const allowed = Array.from({ length: 10 }, () => limiter.allow('chat')).filter(Boolean);
    expect(allowed.length).toBeLessThanOrEqual(1);
  });
});
