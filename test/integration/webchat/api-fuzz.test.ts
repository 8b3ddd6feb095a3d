import { Agent } from 'node:http';
import { ChatSession } from '../../helpers/chat-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { rawRequest, type RawResponse } from '../../helpers/raw-http.js';
import { SeededRandom } from '../../helpers/seeded-random.js';

// Issue 17, item 4: generated bodies, headers and paths against the web chat API. Whatever a client sends,
// Mesa answers 2xx or 4xx in the contract's error shape, never 5xx, and keeps serving.
const SEED = Number(process.env.MESA_FUZZ_SEED ?? 17);
const REQUESTS = 3000;
const PARALLEL = 16;

const pieces = [
  'hola', 'password', 'VPN', ' ', '\t', '\n', 'é', 'ñ', 'ç', 'ü', '€', '你好', '👋', '\ud83d', '\udc00', '\u0000', '\u0007', '\u007f', '\u0085',
  '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\u00ad', '{{constructor.constructor}}', '__proto__', '<script>', '"', '\\', '%00', '../', 'a'.repeat(300),
];
const keys = ['text', 'action', 'id', 'locale', 'user', 'name', 'email', '__proto__', 'constructor', 'x'];

function text(random: SeededRandom): string {
  let value = '';
  const parts = random.int(6);
  for (let n = 0; n < parts; n++) value += random.chance(0.7) ? random.pick(pieces) : String.fromCharCode(random.int(0x10000));
  return random.chance(0.02) ? value.repeat(500) : value;
}

function value(random: SeededRandom, depth = 0): unknown {
  const kind = random.int(depth > 2 ? 5 : 8);
  switch (kind) {
    case 0: return text(random);
    case 1: return random.pick([0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER]);
    case 2: return random.pick([true, false, null]);
    case 3: return random.pick(['en', 'es', 'pt', 'it', 'fr', 'EN', '']);
    case 4: return text(random);
    case 5: return Array.from({ length: random.int(4) }, () => value(random, depth + 1));
    default: return Object.fromEntries(Array.from({ length: random.int(4) }, () => [random.chance(0.8) ? random.pick(keys) : text(random), value(random, depth + 1)]));
  }
}

function body(random: SeededRandom): string | undefined {
  const roll = random.int(10);
  if (roll === 0) return undefined;
  if (roll === 1) return text(random);
  if (roll === 2) return '{"text": "unterminated';
  if (roll < 5) return JSON.stringify({ text: text(random) });
  if (roll === 5) return JSON.stringify({ action: { id: text(random) } });
  if (roll === 6) return JSON.stringify({ locale: value(random), user: { id: value(random), name: value(random), email: value(random) } });
  return JSON.stringify(value(random));
}

// Header values as node:http sends them: bytes 0x00–0xFF but no CR, LF or NUL (the client itself refuses those).
function headerText(random: SeededRandom, length: number): string {
  return Array.from({ length }, () => String.fromCharCode(random.chance(0.9) ? 0x21 + random.int(0x5e) : 0x80 + random.int(0x80))).join('');
}

describe('issue 17: fuzzing the web chat API', () => {
  let server: InProcessMesa;
  let chats: ChatSession[];

  beforeAll(async () => {
    server = await startInProcess();
    chats = await Promise.all([0, 1, 2].map(() => ChatSession.create(server.url, { locale: 'en' })));
  });
  afterAll(() => server.stop());

  it(`${REQUESTS} generated requests (seed ${SEED}): no 5xx, every error in the contract's shape, Mesa still answers`, async () => {
    const random = new SeededRandom(SEED);
    const agent = new Agent({ keepAlive: true, maxSockets: PARALLEL });
    const failures: string[] = [];
    const generate = (): { url: string; method: string; headers: Record<string, string>; body: string | undefined } => {
      const chat = random.pick(chats);
      const session = random.chance(0.85) ? chat.sessionId : random.pick(['nope', '00000000-0000-0000-0000-000000000000', headerText(random, 36), '%2e%2e']);
      const token = random.pick([chat.token, chat.token, `${chat.token.slice(0, -1)}\u00e9`, headerText(random, 43), headerText(random, random.int(80)), '']);
      const headers: Record<string, string> = { 'content-type': random.pick(['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']) };
      if (random.chance(0.9)) headers.authorization = random.pick(['Bearer ', 'Bearer  ', 'bearer ', 'Basic ', '']) + token;
      if (random.chance(0.2)) headers['accept-language'] = random.pick(['es', 'pt-BR', 'it;q=0.5', '*', headerText(random, 20)]);
      if (random.chance(0.1)) headers['x-mesa-identity'] = headerText(random, 64);
      const target = random.int(10);
      const payload = body(random);
      if (target < 2) return { url: `${server.url}/api/chat/sessions`, method: 'POST', headers, body: payload };
      if (target < 6) return { url: `${server.url}/api/chat/sessions/${session}/messages`, method: 'POST', headers, body: payload };
      if (target < 7) return { url: `${server.url}/api/chat/sessions/${session}/typing`, method: 'POST', headers, body: payload };
      const query = random.pick(['waitMs=0', `waitMs=${random.int(40_000)}&after=${random.int(1e6)}`, `after=${percentBytes(random)}&waitMs=0`, 'waitMs=-1', 'waitMs=1e3', `after=${'9'.repeat(20)}&waitMs=0`]);
      // Long polls that would wait are sent with a wrong token only, so the run never waits for them.
      const waits = !query.includes('waitMs=0') && !query.includes('waitMs=-1');
      if (waits) headers.authorization = 'Bearer wrong';
      return { url: `${server.url}/api/chat/sessions/${session}/messages?${query}`, method: 'GET', headers, body: undefined };
    };
    let sent = 0;
    const worker = async (): Promise<void> => {
      while (sent < REQUESTS) {
        sent += 1;
        const request = generate();
        let response: RawResponse;
        try {
          response = await rawRequest(request.url, { ...request, agent });
        } catch (error) {
          failures.push(`${request.method} ${request.url}: ${String(error)}`);
          continue;
        }
        const shaped = response.status < 400 || isErrorShape(response.body);
        if (response.status >= 500 || !shaped) failures.push(`${response.status} ${request.method} ${request.url} ${JSON.stringify(request.headers)} ${JSON.stringify(request.body)} -> ${response.body.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    agent.destroy();
    expect(failures.slice(0, 5)).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const survivor = await ChatSession.create(server.url, { locale: 'en' });
    expect((await survivor.ask('hello')).role).toBe('bot');
  }, 30_000);
});

// Any bytes, percent-encoded: also ones that are not UTF-8.
function percentBytes(random: SeededRandom): string {
  return Array.from({ length: random.int(12) }, () => `%${random.int(256).toString(16).padStart(2, '0')}`).join('');
}

function isErrorShape(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
  } catch {
    return false;
  }
}
