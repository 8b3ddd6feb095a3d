import { signUserId } from '../../../channels/webchat/user-identity.js';
import { ChatSession } from '../../helpers/chat-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { answerUntilTicket } from '../../helpers/service-desk-client.js';

const SECRET = 'intranet-and-mesa-share-this-32-chars!';

async function createSession(url: string, body: unknown, signature?: string): Promise<Response> {
  return fetch(`${url}/api/chat/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'es', ...(signature ? { 'x-mesa-identity': signature } : {}) },
    body: JSON.stringify(body),
  });
}

async function signedSession(url: string, id: string): Promise<ChatSession> {
  const response = await createSession(url, { locale: 'en', user: { id } }, signUserId(SECRET, id));
  expect(response.status).toBe(201);
  const { sessionId, token } = (await response.json()) as { sessionId: string; token: string };
  return new ChatSession(url, sessionId, token);
}

describe('with MESA_WEBCHAT_IDENTITY_SECRET, a user id must be signed by the intranet', () => {
  let mesa: InProcessMesa;

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_WEBCHAT_IDENTITY_SECRET: SECRET });
  }, 60_000);

  afterAll(async () => {
    await mesa?.stop();
  });

  it('refuses an unsigned or forged id with a message a person understands, and still serves anonymous chats', async () => {
    const unsigned = await createSession(mesa.url, { user: { id: 'maria@acme.example' } });
    expect(unsigned.status).toBe(401);
    const body = (await unsigned.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_identity');
    expect(body.error.message).toMatch(/firmado/);
    const forged = await createSession(mesa.url, { user: { id: 'maria@acme.example' } }, signUserId(SECRET, 'pedro@acme.example'));
    expect(forged.status).toBe(401);
    expect((await createSession(mesa.url, { locale: 'es' })).status).toBe(201);
  });

  it('a signed user sees their ticket in a later session; another signed user cannot see it by number', async () => {
    const first = await signedSession(mesa.url, 'maria@acme.example');
    await first.ask('I want to talk to a person');
    const number = (await answerUntilTicket(first, await first.ask('Excel crashes when I open the budget file'))).ticket!.number;

    const later = await signedSession(mesa.url, 'maria@acme.example');
    const mine = await later.ask(`what is the status of ticket ${number}?`);
    expect(mine.ticket?.number).toBe(number);

    const someoneElse = await signedSession(mesa.url, 'pedro@acme.example');
    const theirs = await someoneElse.ask(`what is the status of ticket ${number}?`);
    expect(theirs.ticket).toBeUndefined();
    expect(theirs.text).toContain(number);
  });
});
