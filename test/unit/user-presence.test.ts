import { UserPresence } from '../../bot/core/user-presence.js';

describe('UserPresence (when a chat user was last connected)', () => {
  let now = new Date('2026-11-23T10:00:00Z');
  const clock = () => now;
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };

  it('counts a user never seen since the start as seen at the start, so a restart makes no one look gone', () => {
    const started = now;
    const presence = new UserPresence(clock);
    later(30);
    expect(presence.lastSeenAt('c1')).toEqual(started);
  });

  it('remembers the last request, and is "now" for as long as a stream or long-poll stays open', () => {
    const presence = new UserPresence(clock);
    later(1);
    presence.seen('c1');
    const seen = now;
    later(10);
    expect(presence.lastSeenAt('c1')).toEqual(seen);

    const closeStream = presence.connected('c1');
    const closePoll = presence.connected('c1');
    later(20);
    expect(presence.lastSeenAt('c1')).toEqual(now);
    closePoll();
    closePoll();
    later(5);
    expect(presence.lastSeenAt('c1')).toEqual(now);
    closeStream();
    const left = now;
    later(5);
    expect(presence.lastSeenAt('c1')).toEqual(left);
  });
});
