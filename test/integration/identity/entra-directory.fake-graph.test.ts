import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DirectoryError } from '../../../bot/identity/directory.js';
import { entraDirectory } from '../../../bot/identity/entra/entra-directory.js';
import { DEFAULT_PASSWORD_POLICY } from '../../../bot/identity/reset/password-policy.js';
import type { Directory } from '../../../bot/identity/directory.js';

// Microsoft Graph cannot run here: this is a local FAKE of the endpoints Mesa calls, answering with Graph's real
// payload shapes (OData collections, error envelopes, the client-credentials token response).
const users = [
  { id: '5f8f2a5e-6c0c-4b7e-9d53-2b3c1f0a9e11', userPrincipalName: 'ana@contoso.onmicrosoft.com', displayName: 'Ana García', mail: 'ana@contoso.com', mobilePhone: '+34 600 000 001' },
  { id: '9b1d3c2a-1111-4a4a-8c8c-0123456789ab', userPrincipalName: 'bruno@contoso.onmicrosoft.com', displayName: 'Bruno Silva', mail: null, mobilePhone: null },
];

interface FakeGraph {
  url: string;
  patches: Array<{ id: string; body: unknown; authorization: string | undefined }>;
  tokens: number;
  down: boolean;
  stop(): Promise<void>;
}

async function startFakeGraph(): Promise<FakeGraph> {
  const app = express();
  const fake = { patches: [], tokens: 0, down: false } as unknown as FakeGraph;
  app.use(express.json());
  app.post('/:tenant/oauth2/v2.0/token', express.urlencoded({ extended: false }), (request, response) => {
    if (request.body.client_secret !== 'app-secret' || request.body.grant_type !== 'client_credentials') {
      response.status(401).json({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
      return;
    }
    fake.tokens++;
    response.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'eyJ0eXAiOiJKV1QiLCJhbGciOi.fake' });
  });
  app.use('/v1.0', (request, response, next) => {
    if (fake.down) return void response.status(503).json({ error: { code: 'serviceNotAvailable', message: 'Service unavailable', innerError: { date: new Date().toISOString() } } });
    if (request.get('authorization') !== 'Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.fake') return void response.status(401).json({ error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
    next();
  });
  app.get('/v1.0/users', (request, response) => {
    const filter = String(request.query.$filter ?? '');
    const match = /^(userPrincipalName|mail|mobilePhone) eq '(.*)'$/.exec(filter);
    if (!match) return void response.status(400).json({ error: { code: 'Request_UnsupportedQuery', message: 'Unsupported query.' } });
    if (match[1] === 'mobilePhone' && request.get('consistencylevel') !== 'eventual') return void response.status(400).json({ error: { code: 'Request_UnsupportedQuery', message: "Unsupported or invalid query filter clause specified for property 'mobilePhone' of resource 'User'." } });
    const value = match[2]!.replace(/''/g, "'");
    const found = users.filter((user) => (user as Record<string, unknown>)[match[1]!] === value);
    response.json({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,displayName,mail,mobilePhone)', '@odata.count': found.length, value: found });
  });
  app.get('/v1.0/users/:id', (request, response) => {
    const user = users.find((candidate) => candidate.id === request.params.id);
    if (!user) return void response.status(404).json({ error: { code: 'Request_ResourceNotFound', message: `Resource '${request.params.id}' does not exist or one of its queried reference-property objects are not present.` } });
    response.json({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,displayName,mail,mobilePhone)/$entity', ...user });
  });
  app.patch('/v1.0/users/:id', (request, response) => {
    const password = (request.body as { passwordProfile?: { password?: string } }).passwordProfile?.password ?? '';
    if (password.length < 8) return void response.status(400).json({ error: { code: 'Request_BadRequest', message: 'The specified password does not comply with password complexity requirements. Please provide a different password.' } });
    fake.patches.push({ id: request.params.id, body: request.body, authorization: request.get('authorization') });
    response.status(204).end();
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.stop = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}

let graph: FakeGraph;
let directory: Directory;

beforeAll(async () => {
  graph = await startFakeGraph();
  directory = entraDirectory({ tenantId: 'contoso', clientId: 'app-id', clientSecret: 'app-secret', graphUrl: graph.url, loginUrl: graph.url, policy: DEFAULT_PASSWORD_POLICY });
});

afterAll(async () => {
  await graph?.stop();
});

describe('Microsoft Entra ID through a local fake of Microsoft Graph', () => {
  it('finds a Teams user by AAD object id and by UPN, a WhatsApp user by mobile phone', async () => {
    expect(await directory.findUser({ aadObjectId: users[0]!.id })).toEqual({ id: users[0]!.id, username: 'ana@contoso.onmicrosoft.com', displayName: 'Ana García', email: 'ana@contoso.com', mobile: '+34 600 000 001' });
    expect((await directory.findUser({ upn: 'bruno@contoso.onmicrosoft.com' }))?.id).toBe(users[1]!.id);
    expect((await directory.findUser({ phone: '+34 600 000 001' }))?.username).toBe('ana@contoso.onmicrosoft.com');
    expect(await directory.findUser({ upn: "o'brien@contoso.onmicrosoft.com" })).toBeNull();
    expect(await directory.findUser({ aadObjectId: '00000000-0000-0000-0000-000000000000' })).toBeNull();
  });

  it('sets the password with PATCH /users/{id} passwordProfile, forcing a change at next sign-in when asked', async () => {
    const ana = (await directory.findUser({ upn: 'ana@contoso.onmicrosoft.com' }))!;
    await directory.setPassword(ana, 'Tangerine-Bicycle-47', { mustChangeAtNextLogon: true });
    expect(graph.patches.at(-1)).toEqual({ id: ana.id, body: { passwordProfile: { password: 'Tangerine-Bicycle-47', forceChangePasswordNextSignIn: true } }, authorization: 'Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.fake' });
    expect(graph.tokens).toBe(1);
  });

  it("maps Graph's refusals: a weak password is the policy's, an outage is unreachable", async () => {
    const ana = (await directory.findUser({ upn: 'ana@contoso.onmicrosoft.com' }))!;
    await expect(directory.setPassword(ana, 'short', { mustChangeAtNextLogon: false })).rejects.toMatchObject({ code: 'policy_rejected' });
    graph.down = true;
    try {
      await expect(directory.findUser({ upn: 'ana@contoso.onmicrosoft.com' })).rejects.toBeInstanceOf(DirectoryError);
      await expect(directory.findUser({ upn: 'ana@contoso.onmicrosoft.com' })).rejects.toMatchObject({ code: 'unreachable' });
    } finally {
      graph.down = false;
    }
  });

  it('never reads an account as locked (smart lockout ends by itself), so unlock offers a person', async () => {
    const ana = (await directory.findUser({ upn: 'ana@contoso.onmicrosoft.com' }))!;
    expect(await directory.isLocked(ana)).toBe(false);
  });
});
