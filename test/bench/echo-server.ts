import { randomBytes, randomUUID } from 'node:crypto';
import express from 'express';
import type { Request, Response } from 'express';

/**
 * The baseline Mesa is compared with: the same web chat API (section 4 of the design notes) served by
 * bare express with everything in memory, the bot replaced by an immediate echo. Whatever Mesa is slower
 * than this is the cost of its own work (NLU, flows, storage), not of HTTP or JSON.
 * Run as its own process: `node dist/test/bench/echo-server.js`; it prints `{"event":"ready","port":N}`.
 */

interface EchoMessage {
  id: string;
  role: 'user' | 'bot';
  text: string;
  locale: string;
  createdAt: string;
}

interface EchoSession {
  token: string;
  locale: string;
  messages: EchoMessage[];
  /** Long-polls parked until a message arrives. */
  waiters: Set<() => void>;
}

const sessions = new Map<string, EchoSession>();
let lastId = 0;

function fail(res: Response, status: number, code: string): void {
  res.status(status).json({ error: { code, message: code } });
}

function authorized(req: Request, res: Response): EchoSession | undefined {
  const session = sessions.get(String(req.params.sessionId));
  if (!session || req.headers.authorization !== `Bearer ${session.token}`) {
    fail(res, 401, 'unauthorized');
    return undefined;
  }
  return session;
}

/** Messages with id > after; ids are increasing, so scan back from the end and stop early. */
function newerThan(session: EchoSession, after: number): EchoMessage[] {
  let first = session.messages.length;
  while (first > 0 && Number(session.messages[first - 1]!.id) > after) first--;
  return session.messages.slice(first);
}

const app = express();
app.use(express.json());

app.post('/api/chat/sessions', (req: Request, res: Response) => {
  const sessionId = randomUUID();
  const token = randomBytes(24).toString('base64url');
  const locale = typeof req.body?.locale === 'string' ? (req.body.locale as string) : 'en';
  sessions.set(sessionId, { token, locale, messages: [], waiters: new Set() });
  res.status(201).json({ sessionId, token });
});

app.post('/api/chat/sessions/:sessionId/messages', (req: Request, res: Response) => {
  const session = authorized(req, res);
  if (!session) return;
  const text = req.body?.text;
  if (typeof text !== 'string') return fail(res, 400, 'invalid_body');
  const createdAt = new Date().toISOString();
  const user: EchoMessage = { id: String(++lastId), role: 'user', text, locale: session.locale, createdAt };
  session.messages.push(user, { id: String(++lastId), role: 'bot', text, locale: session.locale, createdAt });
  for (const wake of session.waiters) wake();
  res.status(202).json({ id: user.id });
});

app.get('/api/chat/sessions/:sessionId/messages', (req: Request, res: Response) => {
  const session = authorized(req, res);
  if (!session) return;
  const after = Number(req.query.after ?? 0);
  const waitMs = Math.min(30_000, Math.max(0, Number(req.query.waitMs ?? 0)));
  const answer = (): void => {
    const messages = newerThan(session, after);
    const cursor = messages.length > 0 ? messages[messages.length - 1]!.id : String(after);
    res.json({ messages, cursor });
  };
  if (newerThan(session, after).length > 0 || waitMs === 0) return answer();
  const done = (): void => {
    clearTimeout(timer);
    session.waiters.delete(done);
    res.off('close', done);
    if (!res.writableEnded && !res.destroyed) answer();
  };
  const timer = setTimeout(done, waitMs);
  session.waiters.add(done);
  res.on('close', done);
});

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ event: 'ready', port })}\n`);
});

process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  // Parked long-polls keep sockets open; do not let them hold the exit.
  server.closeAllConnections();
});
