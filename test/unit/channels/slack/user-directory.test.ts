import { createLogger } from '../../../../bot/logger.js';
import { UserDirectory } from '../../../../channels/slack/user-directory.js';

const profile = { ok: true, user: { id: 'U1', real_name: 'Ana Souza', locale: 'pt-BR', profile: { email: 'ana@example.com' } } };

describe('Slack user lookup', () => {
  it('takes the verified email and maps the Slack locale, and reuses the lookup for a while', async () => {
    let now = 0;
    let calls = 0;
    const client = { users: { info: async () => { calls++; return profile; } } };
    const directory = new UserDirectory({ client, clock: () => new Date(now), logger: createLogger('silent'), ttlMs: 60_000 });
    expect(await directory.lookUp('U1')).toEqual({ name: 'Ana Souza', email: 'ana@example.com', language: 'pt' });
    await directory.lookUp('U1');
    expect(calls).toBe(1);
    now += 61_000;
    await directory.lookUp('U1');
    expect(calls).toBe(2);
  });

  it('answers without a profile when users.info fails, and keeps an older one it has', async () => {
    let now = 0;
    let failing = false;
    const client = { users: { info: async () => { if (failing) throw new Error('ratelimited'); return profile; } } };
    const directory = new UserDirectory({ client, clock: () => new Date(now), logger: createLogger('silent'), ttlMs: 1000 });
    expect(await directory.lookUp('U2')).toMatchObject({ email: 'ana@example.com' });
    failing = true;
    now += 5000;
    expect(await directory.lookUp('U2')).toMatchObject({ email: 'ana@example.com' });
    expect(await directory.lookUp('U3')).toEqual({});
  });

  it('does not hold the message up for a users.info that hangs', async () => {
    const client = { users: { info: () => new Promise<unknown>(() => undefined) } };
    const directory = new UserDirectory({ client, clock: () => new Date(0), logger: createLogger('silent'), timeoutMs: 20 });
    expect(await directory.lookUp('U4')).toEqual({});
  });
});
