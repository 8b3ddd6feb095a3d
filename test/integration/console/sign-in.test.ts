import { Writable } from 'node:stream';
import { pino } from 'pino';
import { ensureAdmin } from '../../../bot/staff/ensure-admin.js';
import { StaffAuth } from '../../../bot/staff/staff-auth.js';
import { SqliteStaffRepository } from '../../../bot/staff/storage/sqlite-staff-repository.js';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { ConsoleClient } from '../../helpers/console-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

const ADMIN = { email: 'boss@example.com', password: 'correct horse battery' };

describe('console sign-in, sessions and roles', () => {
  let mesa: InProcessMesa;

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password });
  });
  afterAll(() => mesa.stop());

  it('signs in with the configured admin: a HttpOnly, SameSite=Strict session cookie, then /me, then sign-out', async () => {
    const client = new ConsoleClient(mesa.url);
    const login = await client.login('Boss@Example.com', ADMIN.password);
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ email: ADMIN.email, name: 'Administrator', roles: ['admin'] });
    const cookie = login.setCookie.find((value) => value.startsWith('mesa_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(JSON.stringify(login.body)).not.toContain(ADMIN.password);

    expect((await client.call('GET', '/me')).body).toEqual({ email: ADMIN.email, name: 'Administrator', roles: ['admin'] });
    expect((await client.call('POST', '/logout', {})).status).toBe(204);
    const after = await client.call('GET', '/me');
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ error: { code: 'not_signed_in', message: expect.any(String) } });
  });

  it('refuses a wrong password with 401 invalid_credentials, and unknown emails the same way', async () => {
    for (const email of [ADMIN.email, 'nobody@example.com']) {
      const response = await new ConsoleClient(mesa.url).login(email, 'not the password');
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: { code: 'invalid_credentials', message: 'Wrong email or password.' } });
      expect(response.setCookie).toEqual([]);
    }
  });

  it('locks an email after 5 failed sign-ins: even the right password is refused with 429 login_locked', async () => {
    const client = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    await client.call('POST', '/staff', { email: 'victim@example.com', name: 'Victim', roles: ['l2_analyst'], password: 'victim password 1' });
    for (let attempt = 1; attempt <= 5; attempt++) expect((await new ConsoleClient(mesa.url).login('victim@example.com', `guess ${attempt}`)).status).toBe(401);
    const locked = await new ConsoleClient(mesa.url).call('POST', '/login', { email: 'victim@example.com', password: 'victim password 1' }, { 'accept-language': 'es' });
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: { code: 'login_locked', message: expect.stringContaining('15 minutos') } });
  });

  it('an l1_analyst signs in but gets 403 forbidden on the knowledge-base endpoints; only admins create staff', async () => {
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    const created = await admin.call('POST', '/staff', { email: 'ana@example.com', name: 'Ana', roles: ['l1_analyst'], password: 'ana password 12' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ email: 'ana@example.com', name: 'Ana', roles: ['l1_analyst'] });
    expect((await admin.call('POST', '/staff', { email: 'ana@example.com', name: 'Ana', roles: ['l1_analyst'], password: 'ana password 12' })).body).toMatchObject({ error: { code: 'email_taken' } });

    const analyst = await ConsoleClient.signedIn(mesa.url, 'ana@example.com', 'ana password 12');
    for (const path of ['/kb/articles', '/kb/gaps', '/kb/articles/vpn-cannot-connect']) {
      const response = await analyst.call('GET', path);
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    }
    expect((await analyst.call('POST', '/staff', { email: 'x@example.com', name: 'X', roles: ['admin'], password: 'x password 1234' })).status).toBe(403);
    expect((await new ConsoleClient(mesa.url).call('GET', '/kb/articles')).status).toBe(401);
  });

  it('refuses state changes from another origin (403) or not sent as JSON (415)', async () => {
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    const crossSite = await admin.call('POST', '/logout', {}, { origin: 'https://evil.example.com' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toMatchObject({ error: { code: 'cross_site_request' } });
    const sameSite = await new ConsoleClient(mesa.url).call('POST', '/login', ADMIN, { origin: mesa.url });
    expect(sameSite.status).toBe(200);
    const form = await admin.call('POST', '/login', 'email=a&password=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ error: { code: 'json_required' } });
    expect((await admin.call('GET', '/me')).status).toBe(200);
  });

  it('answers invalid bodies with 400 invalid_request in the error shape', async () => {
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    const badLogin = await admin.call('POST', '/login', { email: 'x' });
    expect(badLogin.status).toBe(400);
    expect(badLogin.body).toEqual({ error: { code: 'invalid_request', message: expect.stringContaining('password') } });
    const weak = await admin.call('POST', '/staff', { email: 'not-an-email', name: '', roles: ['wizard'], password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ error: { code: 'invalid_request' } });
    const notJson = await admin.call('POST', '/staff', '{"email":');
    expect(notJson.body).toMatchObject({ error: { code: 'invalid_json' } });
  });
});

describe('lockout window and first-start admin (repository level, injected clock)', () => {
  function auth(clock: () => Date): { auth: StaffAuth; repository: SqliteStaffRepository } {
    const repository = new SqliteStaffRepository(openDatabase(freshDataDir()));
    return { auth: new StaffAuth(repository, clock), repository };
  }

  it('locks for 15 minutes after 5 failures within 15 minutes, then lets the right password in', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const { auth: staff } = auth(() => now);
    await staff.createStaff({ email: 'km@example.com', name: 'KM', roles: ['knowledge_manager'], password: 'km password 123' });
    for (let attempt = 0; attempt < 5; attempt++) await expect(staff.login('km@example.com', 'wrong')).rejects.toMatchObject({ code: 'invalid_credentials' });
    now = new Date('2026-11-23T10:14:00Z');
    await expect(staff.login('km@example.com', 'km password 123')).rejects.toMatchObject({ code: 'login_locked', params: { minutes: 1 } });
    now = new Date('2026-11-23T10:15:01Z');
    await expect(staff.login('km@example.com', 'km password 123')).resolves.toMatchObject({ account: { email: 'km@example.com' } });
  });

  it('failures spread over more than 15 minutes do not lock', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const { auth: staff } = auth(() => now);
    await staff.createStaff({ email: 'km@example.com', name: 'KM', roles: ['knowledge_manager'], password: 'km password 123' });
    for (let attempt = 0; attempt < 4; attempt++) await expect(staff.login('km@example.com', 'wrong')).rejects.toMatchObject({ code: 'invalid_credentials' });
    now = new Date('2026-11-23T10:16:00Z');
    await expect(staff.login('km@example.com', 'wrong')).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(staff.login('km@example.com', 'km password 123')).resolves.toBeDefined();
  });

  it('sessions slide: used within 12 h they live on, left alone longer they expire', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const { auth: staff } = auth(() => now);
    await staff.createStaff({ email: 'km@example.com', name: 'KM', roles: ['knowledge_manager'], password: 'km password 123' });
    const { token } = await staff.login('km@example.com', 'km password 123');
    now = new Date('2026-11-23T21:00:00Z');
    expect(await staff.authenticate(token)).toMatchObject({ email: 'km@example.com' });
    now = new Date('2026-11-24T08:00:00Z');
    expect(await staff.authenticate(token)).toMatchObject({ email: 'km@example.com' });
    now = new Date('2026-11-24T20:00:01Z');
    expect(await staff.authenticate(token)).toBeNull();
  });

  it('without MESA_ADMIN_*, the first start creates admin@mesa.local and prints its password once', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _encoding, done) => { lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>); done(); } }));
    const { auth: staff, repository } = auth(() => new Date());
    await ensureAdmin({ admin: null, auth: staff, repository, logger });
    await ensureAdmin({ admin: null, auth: staff, repository, logger });
    const created = lines.filter((line) => line.event === 'admin_created');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ email: 'admin@mesa.local', initialPassword: expect.stringMatching(/^.{20,}$/) });
    await expect(staff.login('admin@mesa.local', created[0]!.initialPassword as string)).resolves.toMatchObject({ account: { roles: ['admin'] } });
  });
});
