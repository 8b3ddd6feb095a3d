import { SendLimiter } from '../../../../channels/teams/send-limiter.js';

describe('Teams send limiter', () => {
  let now = 0;
  const limiter = () => new SendLimiter(() => new Date(now));

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets 7 sends a second go at once and holds the 8th until the first leaves the second', () => {
    const sends = limiter();
    for (let sent = 0; sent < 7; sent++) {
      expect(sends.delayFor('chat')).toBe(0);
      sends.record('chat');
      now += 10;
    }
    expect(sends.delayFor('chat')).toBe(1000 - 70);
    expect(sends.delayFor('another chat')).toBe(0);
    now += 930;
    expect(sends.delayFor('chat')).toBe(0);
  });

  it('holds the 61st send in 30 seconds until the window has room', () => {
    const sends = limiter();
    for (let sent = 0; sent < 60; sent++) {
      expect(sends.delayFor('chat')).toBe(0);
      sends.record('chat');
      now += 200; // 5 a second: under the per-second limit
    }
    // The first of the 60 went 12 s ago; the 61st may go once it is 30 s old.
    expect(sends.delayFor('chat')).toBe(30_000 - 12_000);
  });
});
