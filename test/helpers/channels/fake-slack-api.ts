import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A chat.postMessage call as the fake Web API received it. */
export interface PostedMessage {
  channel: string;
  threadTs?: string;
  ts: string;
  /** When the fake received it (ms since the epoch). */
  receivedAt: number;
  text: string;
  blocks: Array<Record<string, unknown>>;
  metadata?: { event_type: string; event_payload: Record<string, string> };
}

/** A workspace member the fake's users.info knows. */
export interface FakeSlackUser {
  name: string;
  email: string;
  locale: string;
}

export const FAKE_TEAM_ID = 'T0MESATEST';
export const FAKE_BOT_USER_ID = 'U0MESABOT';
export const FAKE_BOT_TOKEN = 'xoxb-0000-fake-test-token';

/**
 * A fake of the Slack Web API (it cannot run here), on 127.0.0.1, answering with Slack's payload shapes:
 * auth.test, users.info (with locale) and chat.postMessage, which it records. `rateLimitNextPosts` makes the
 * next posts get a 429 with Retry-After, as Slack does when a channel gets more than about one message a second.
 */
export class FakeSlackApi {
  readonly posts: PostedMessage[] = [];
  readonly users = new Map<string, FakeSlackUser>();
  readonly calls = new Map<string, number>();
  rateLimitNextPosts = 0;
  retryAfterSeconds = 1;
  /** While true, auth.test answers 503: Slack unreachable or down when Mesa starts. */
  authTestDown = false;
  /** When each 429 was answered (ms since the epoch). */
  readonly rateLimitedAt: number[] = [];
  private server: Server | undefined;
  private sequence = 0;
  private waiters: Array<() => void> = [];

  /** Starts the fake; returns the base URL to give the Web API client (SLACK_API_URL). */
  async start(): Promise<string> {
    const server = createServer((request, response) => {
      void this.handle(request, response);
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves with the index of the first post at or after `from` that matches, polling on each new post. */
  async waitForPost(test: (post: PostedMessage) => boolean, from = 0, timeoutMs = 15_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.posts.findIndex((post, at) => at >= from && test(post));
      if (index >= 0) return index;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching chat.postMessage; got: ${JSON.stringify(this.posts.slice(from).map((post) => post.text))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    const form = request.headers['content-type']?.includes('json') ? Object.entries(JSON.parse(raw || '{}') as Record<string, unknown>) : [...new URLSearchParams(raw)];
    const fields = Object.fromEntries(form.map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${FAKE_BOT_TOKEN}`) return send(200, { ok: false, error: 'invalid_auth' });
    switch (method) {
      case 'auth.test':
        if (this.authTestDown) return send(503, { ok: false, error: 'service_unavailable' });
        return send(200, { ok: true, url: 'https://mesa-test.slack.com/', team: 'Mesa Test', user: 'mesa', team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, bot_id: 'B0MESABOT', is_enterprise_install: false });
      case 'users.info':
        return send(200, this.userInfo(fields.user ?? '', fields.include_locale === 'true'));
      case 'chat.postMessage':
        if (this.rateLimitNextPosts > 0) {
          this.rateLimitNextPosts--;
          this.rateLimitedAt.push(Date.now());
          return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(this.retryAfterSeconds) });
        }
        return send(200, this.post(fields));
      default:
        return send(200, { ok: false, error: 'unknown_method' });
    }
  }

  private userInfo(id: string, withLocale: boolean): unknown {
    const user = this.users.get(id);
    if (!user) return { ok: false, error: 'user_not_found' };
    return {
      ok: true,
      user: {
        id, team_id: FAKE_TEAM_ID, name: user.name.toLowerCase().replaceAll(' ', '.'), deleted: false, real_name: user.name, tz: 'Europe/Madrid', is_bot: false,
        ...(withLocale ? { locale: user.locale } : {}),
        profile: { real_name: user.name, display_name: user.name, email: user.email },
      },
    };
  }

  private post(fields: Record<string, string>): unknown {
    const channel = fields.channel ?? '';
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.sequence).padStart(6, '0')}`;
    const blocks = fields.blocks ? (JSON.parse(fields.blocks) as Array<Record<string, unknown>>) : [];
    const posted: PostedMessage = {
      channel, ts, receivedAt: Date.now(), text: fields.text ?? '', blocks,
      ...(fields.thread_ts ? { threadTs: fields.thread_ts } : {}),
      ...(fields.metadata ? { metadata: JSON.parse(fields.metadata) as PostedMessage['metadata'] } : {}),
    };
    this.posts.push(posted);
    for (const wake of this.waiters.splice(0)) wake();
    return { ok: true, channel, ts, message: { type: 'message', subtype: 'bot_message', text: posted.text, user: FAKE_BOT_USER_ID, bot_id: 'B0MESABOT', ts, blocks } };
  }
}
