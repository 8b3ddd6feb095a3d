import { ChatSession } from '../../helpers/chat-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { rawRequest } from '../../helpers/raw-http.js';

let server: InProcessMesa;

beforeAll(async () => {
  server = await startInProcess();
});
afterAll(() => server.stop());

// Issue 17, item 4: two inputs an attack run found that Mesa answered with 500.
describe('issue 17: inputs that answered 500 are refused with a 4xx', () => {
  it('a 43-character bearer token with a non-ASCII character, after the right token was used: 401 invalid_token', async () => {
    const chat = await ChatSession.create(server.url, { locale: 'en' });
    const path = `${server.url}/api/chat/sessions/${chat.sessionId}/messages?waitMs=0`;
    expect((await rawRequest(path, { method: 'GET', headers: { authorization: `Bearer ${chat.token}` } })).status).toBe(200);
    // Same length in characters as the real token, one byte longer in UTF-8.
    const forged = `${chat.token.slice(0, -1)}\u00e9`;
    expect(forged).toHaveLength(chat.token.length);
    const response = await rawRequest(path, { method: 'GET', headers: { authorization: `Bearer ${forged}` } });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'invalid_token' } });
    expect((await rawRequest(path, { method: 'GET', headers: { authorization: `Bearer ${chat.token}` } })).status).toBe(200);
  });

  it.each([
    ['user.id', { user: { id: 'emp-\ud800' } }],
    ['user.name', { user: { name: 'Ana \udfff' } }],
    ['user.email', { user: { email: 'ana\ud83d@example.com' } }],
  ])('a lone surrogate in %s on POST /api/chat/sessions: 400 invalid_request', async (_field, body) => {
    const response = await rawRequest(`${server.url}/api/chat/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('a lone surrogate in a message is refused with 400, and a real emoji still goes through', async () => {
    const chat = await ChatSession.create(server.url, { locale: 'en' });
    const refused = await chat.post({ text: 'hello \udc00' });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('invalid_request');
    expect((await chat.post({ text: 'hello 👋' })).status).toBe(202);
  });
});

// Issue 17, item 6: text made only of invisible format characters reached the desk as an empty message.
describe('issue 17: invisible text is refused like control characters', () => {
  it.each([
    ['zero-width spaces and joiners', '\u200B\u200C\u200D'],
    ['bidi controls', '\u202E\u2066\u2069'],
    ['a byte-order mark and a soft hyphen between spaces', ' \uFEFF \u00AD '],
    ['word joiners and invisible operators', '\u2060\u2062\u2064'],
  ])('%s: 400 invisible_text, explained in the client\'s language', async (_what, text) => {
    const chat = await ChatSession.create(server.url, { locale: 'it' });
    const response = await chat.post({ text }, { 'accept-language': 'it' });
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({ code: 'invisible_text', message: expect.stringContaining('invisibili') });
  });

  it('visible text with format characters in it still goes through', async () => {
    const chat = await ChatSession.create(server.url, { locale: 'en' });
    expect((await chat.post({ text: 'my laptop 👩\u200D💻 won\u2019t start' })).status).toBe(202);
  });
});
