import { randomUUID } from 'node:crypto';
import { ChatSession } from '../../helpers/chat-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';

let server: InProcessMesa;
let chat: ChatSession;

beforeAll(async () => {
  server = await startInProcess();
  chat = await ChatSession.create(server.url, { locale: 'en' });
  await chat.ask('hello');
});

afterAll(async () => {
  await server.stop();
});

async function rawPost(path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

const messagesPath = (): string => `/api/chat/sessions/${chat.sessionId}/messages`;
const auth = (): Record<string, string> => ({ authorization: `Bearer ${chat.token}` });

describe('the web chat API refuses bad input with a clear 4xx and keeps serving', () => {
  it.each([
    ['malformed JSON', () => rawPost(messagesPath(), '{"text": "hi"', auth()), 400, 'invalid_json'],
    ['a session that does not exist', () => rawPost(`/api/chat/sessions/${randomUUID()}/messages`, '{"text":"hi"}', auth()), 404, 'session_not_found'],
    ['a session id that is not an id', () => rawPost('/api/chat/sessions/../../etc/messages', '{"text":"hi"}', auth()), 404, 'not_found'],
    ['a wrong token', () => rawPost(messagesPath(), '{"text":"hi"}', { authorization: 'Bearer nope' }), 401, 'invalid_token'],
    ['no token', () => rawPost(messagesPath(), '{"text":"hi"}'), 401, 'invalid_token'],
    ['text over 4,000 characters', () => rawPost(messagesPath(), JSON.stringify({ text: 'a'.repeat(4001) }), auth()), 413, 'text_too_long'],
    ['empty text', () => rawPost(messagesPath(), JSON.stringify({ text: '   ' }), auth()), 400, 'empty_text'],
    ['text that is not a string', () => rawPost(messagesPath(), JSON.stringify({ text: 42 }), auth()), 400, 'invalid_request'],
    ['both text and action', () => rawPost(messagesPath(), JSON.stringify({ text: 'x', action: { id: 'intent.help' } }), auth()), 400, 'invalid_request'],
    ['an action id that was never offered', () => rawPost(messagesPath(), JSON.stringify({ action: { id: 'intent.delete_everything' } }), auth()), 400, 'unknown_action'],
    ['control characters', () => rawPost(messagesPath(), JSON.stringify({ text: 'hi\u0007there\u0000' }), auth()), 400, 'control_characters'],
    ['a body over 64 kB', () => rawPost(messagesPath(), JSON.stringify({ text: 'a'.repeat(70_000) }), auth()), 413, 'payload_too_large'],
    ['an unknown locale for a new session', () => rawPost('/api/chat/sessions', JSON.stringify({ locale: 'fr' })), 400, 'invalid_request'],
    ['unknown fields in a new session', () => rawPost('/api/chat/sessions', JSON.stringify({ locale: 'en', admin: true })), 400, 'invalid_request'],
  ])('%s', async (_what, send, status, code) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.body.error?.code).toBe(code);
    expect(response.body.error?.message.length).toBeGreaterThan(10);
  });

  it('a token one character off, or another session\'s, is refused right after the right one was accepted', async () => {
    const other = await ChatSession.create(server.url, { locale: 'en' });
    const last = chat.token.at(-1) === 'A' ? 'B' : 'A';
    const nearMiss = `${chat.token.slice(0, -1)}${last}`;
    const poll = (token: string) => fetch(`${server.url}${messagesPath()}?waitMs=0`, { headers: { authorization: `Bearer ${token}` } });

    expect((await poll(chat.token)).status).toBe(200);
    const refused = await rawPost(messagesPath(), '{"text":"hi"}', { authorization: `Bearer ${nearMiss}` });
    expect([refused.status, refused.body.error?.code]).toEqual([401, 'invalid_token']);
    expect((await poll(nearMiss)).status).toBe(401);
    expect((await poll(other.token)).status).toBe(401);
    expect((await poll(chat.token)).status).toBe(200);
  });

  it('long-poll parameters out of range are refused', async () => {
    const response = await fetch(`${server.url}${messagesPath()}?waitMs=999999`, { headers: auth() });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
  });

  it('explains errors in the language the client accepts', async () => {
    const response = await rawPost(messagesPath(), JSON.stringify({ text: '' }), { ...auth(), 'accept-language': 'es-ES,es;q=0.9' });
    expect(response.body.error?.message).toBe('El mensaje está vacío. Escribe algo, por favor.');
  });

  it('after all that, the conversation still works and lost nothing', async () => {
    const reply = await chat.ask('thanks');
    expect(reply.role).toBe('bot');
    const history = await chat.history();
    expect(history.filter((message) => message.role === 'user').map((message) => message.text)).toEqual(['hello', 'thanks']);
    expect(history.filter((message) => message.role === 'bot')).toHaveLength(2);
  });

  it('unknown paths answer 404 in the error shape', async () => {
    const response = await fetch(`${server.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('reports health', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
