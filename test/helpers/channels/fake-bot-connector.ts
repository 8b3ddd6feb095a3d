import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeTokenSigner } from './fake-token-signer.js';

/** An activity Mesa sent to the fake Bot Connector, with the conversation it went to. */
export interface SentActivity {
  conversationId: string;
  replyToId: string | undefined;
  activity: Record<string, unknown>;
  /** When it arrived (Date.now()). */
  at: number;
}

/** A Teams user the fake roster knows (what TeamsInfo.getMember returns). */
export interface FakeMember {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
  userPrincipalName: string;
}

/** The issuer of the inbound tokens the fake signs (Mesa is told to expect it through MESA_TEAMS_TOKEN_ISSUER). */
export const FAKE_CHANNEL_ISSUER = 'https://api.botframework.com';

/**
 * A FAKE of the cloud side of Teams, on 127.0.0.1: the Bot Connector REST API (send activity, get member), the
 * login endpoint the bot gets its outgoing token from, and the OpenID metadata + keys the SDK checks inbound
 * tokens with. Payload shapes follow the Bot Framework REST API; only what Mesa uses is served.
 */
export class FakeBotConnector {
  readonly signer = new FakeTokenSigner();
  readonly sent: SentActivity[] = [];
  readonly members = new Map<string, FakeMember>();
  /** Token requests, to see the bot authenticated with its app id and password. */
  readonly tokenRequests: Array<{ clientId: string; scope: string }> = [];
  /** User ids the roster was asked about (TeamsInfo.getMember). */
  readonly memberLookups: string[] = [];
  /** Message sends still to refuse, each with its status and Retry-After (an outage or throttling). */
  readonly refusals: Array<{ status: number; retryAfter?: string }> = [];
  /** When each refusal was answered (Date.now()). */
  readonly refusedAt: number[] = [];
  url = '';
  private server: Server | undefined;
  private waiters: Array<() => void> = [];
  private readonly issuedTokens = new Set<string>();
  private held: Promise<void> | undefined;

  /** Holds every activity send until the returned function is called (a slow Bot Connector). */
  holdSends(): () => void {
    let release!: () => void;
    this.held = new Promise<void>((resolve) => {
      release = resolve;
    });
    return () => {
      this.held = undefined;
      release();
    };
  }

  constructor(private readonly credentials: { appId: string; password: string }) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request, response).catch((error: unknown) => json(response, 500, { error: { code: 'ServiceError', message: String(error) } }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The env that points Mesa's Teams channel at this fake. */
  env(): Record<string, string> {
    return {
      MicrosoftAppId: this.credentials.appId,
      MicrosoftAppPassword: this.credentials.password,
      MESA_TEAMS_OPENID_METADATA_URL: `${this.url}/v1/.well-known/openidconfiguration`,
      MESA_TEAMS_TOKEN_ISSUER: FAKE_CHANNEL_ISSUER,
      MESA_TEAMS_TOKEN_URL: `${this.url}/botframework.com/oauth2/v2.0/token`,
    };
  }

  /** The Authorization header the Bot Connector would put on an activity it posts to the bot. */
  channelAuthorization(serviceUrl = this.url): string {
    return `Bearer ${this.signer.sign({ iss: FAKE_CHANNEL_ISSUER, aud: this.credentials.appId, serviceurl: serviceUrl })}`;
  }

  /** Resolves once an activity sent to `conversationId` matches, scanning from index `from` of `sent`. */
  async next(conversationId: string, from: number, test: (sent: SentActivity) => boolean = () => true, timeoutMs = 15_000): Promise<{ sent: SentActivity; index: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.sent.findIndex((candidate, at) => at >= from && candidate.conversationId === conversationId && test(candidate));
      if (index >= 0) return { sent: this.sent[index]!, index };
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching activity to ${conversationId}; got: ${JSON.stringify(this.sent.slice(from).map((s) => s.activity.text ?? s.activity.type))}`);
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
    const url = new URL(request.url ?? '/', this.url);
    const path = url.pathname;
    if (request.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      return json(response, 200, { issuer: FAKE_CHANNEL_ISSUER, authorization_endpoint: `${this.url}/authorize`, jwks_uri: `${this.url}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] });
    }
    if (request.method === 'GET' && path === '/v1/.well-known/keys') return json(response, 200, { keys: [this.signer.publishedKey()] });
    if (request.method === 'POST' && path === '/botframework.com/oauth2/v2.0/token') return this.token(await body(request), response);
    const activities = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (request.method === 'POST' && activities) {
      if (!this.authorized(request)) return json(response, 401, { error: { code: 'Unauthorized', message: 'Authorization has been denied for this request.' } });
      const activity = JSON.parse(await body(request)) as Record<string, unknown>;
      await this.held;
      const refusal = activity.type === 'message' ? this.refusals.shift() : undefined;
      if (refusal) {
        this.refusedAt.push(Date.now());
        if (refusal.retryAfter) response.setHeader('retry-after', refusal.retryAfter);
        return json(response, refusal.status, { error: { code: 'Throttled', message: 'Too many requests' } });
      }
      this.sent.push({ conversationId: decodeURIComponent(activities[1]!), replyToId: activities[2] ? decodeURIComponent(activities[2]) : undefined, activity, at: Date.now() });
      for (const wake of this.waiters.splice(0)) wake();
      return json(response, 201, { id: randomUUID() });
    }
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && member) {
      if (!this.authorized(request)) return json(response, 401, { error: { code: 'Unauthorized', message: 'Authorization has been denied for this request.' } });
      this.memberLookups.push(decodeURIComponent(member[2]!));
      const found = this.members.get(decodeURIComponent(member[2]!));
      return found ? json(response, 200, found) : json(response, 404, { error: { code: 'MemberNotFoundInConversation', message: 'The member was not found.' } });
    }
    json(response, 404, { error: { code: 'NotFound', message: `${request.method} ${path}` } });
  }

  private token(form: string, response: ServerResponse): void {
    const params = new URLSearchParams(form);
    const clientId = params.get('client_id') ?? '';
    this.tokenRequests.push({ clientId, scope: params.get('scope') ?? '' });
    if (params.get('grant_type') !== 'client_credentials' || clientId !== this.credentials.appId || params.get('client_secret') !== this.credentials.password) {
      return json(response, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
    }
    const token = this.signer.sign({ iss: 'https://login.microsoftonline.com/fake/v2.0', aud: 'https://api.botframework.com', appid: clientId });
    this.issuedTokens.add(token);
    json(response, 200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: token });
  }

  private authorized(request: IncomingMessage): boolean {
    const header = request.headers.authorization ?? '';
    return header.startsWith('Bearer ') && this.issuedTokens.has(header.slice('Bearer '.length));
  }
}

function json(response: ServerResponse, status: number, payload: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(payload));
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
