import { ConsoleClient } from '../../helpers/console-client.js';
import { AddressedClient, loopbackAddress } from '../../helpers/from-address.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';

const ADMIN = { email: 'boss@example.com', password: 'correct horse battery' };
const VICTIM = { email: 'victim@example.com', password: 'victim password 1' };

// Issue 17, item 1: the lockout read the count, checked the password, then wrote the count back, so
// guesses sent at once all read "no failures yet" and a burst of them never locked anything.
describe('issue 17: the sign-in lockout holds against parallel guesses', () => {
  let mesa: InProcessMesa;

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password });
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    await admin.call('POST', '/staff', { ...VICTIM, name: 'Victim', roles: ['l2_analyst'] });
  });
  afterAll(() => mesa.stop());

  it('50 wrong passwords sent at once from 25 addresses lock the email: then the right one gets 429 login_locked', async () => {
    const clients = Array.from({ length: 25 }, (_, n) => new AddressedClient(mesa.url, loopbackAddress(n)));
    const guesses = await Promise.all(
      Array.from({ length: 50 }, (_, n) => clients[n % clients.length]!.call('POST', '/api/console/login', { email: VICTIM.email, password: `guess ${n}` })),
    );
    const statuses = guesses.map((guess) => guess.status);
    // No more than five guesses ever reach the password check; the rest are refused as locked.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);

    const rightPassword = await clients[0]!.call('POST', '/api/console/login', VICTIM);
    expect(rightPassword.status).toBe(429);
    expect(rightPassword.body).toEqual({ error: { code: 'login_locked', message: expect.stringContaining('15') } });
    await Promise.all(clients.map((client) => client.close()));
  });
});

describe('issue 17: the lockout follows MESA_LOGIN_MAX_FAILURES', () => {
  it('with 2, two wrong passwords sent at once lock the email', async () => {
    const mesa = await startInProcess({ MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password, MESA_LOGIN_MAX_FAILURES: '2' });
    try {
      const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
      await admin.call('POST', '/staff', { ...VICTIM, name: 'Victim', roles: ['l2_analyst'] });
      const guesses = await Promise.all([1, 2].map((n) => new ConsoleClient(mesa.url).login(VICTIM.email, `guess ${n}`)));
      expect(guesses.map((guess) => guess.status)).toEqual([401, 401]);
      expect((await new ConsoleClient(mesa.url).login(VICTIM.email, VICTIM.password)).status).toBe(429);
    } finally {
      await mesa.stop();
    }
  });
});
