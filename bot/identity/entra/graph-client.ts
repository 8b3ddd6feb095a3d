import { DirectoryError } from '../directory.js';

/** How Mesa reaches Microsoft Graph for one tenant (ENTRA_* settings). */
export interface GraphClientSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  graphUrl: string;
  loginUrl: string;
  timeoutMs?: number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

/**
 * The one network layer to Graph: an app-only token (client credentials), kept until shortly before it expires,
 * and every failure turned into a DirectoryError with its cause.
 */
export class GraphClient {
  private token: CachedToken | null = null;

  constructor(
    private readonly settings: GraphClientSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async request<T>(method: 'GET' | 'PATCH', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T | null> {
    const response = await this.send(`${this.settings.graphUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.accessToken()}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (response.status === 404) return null;
    if (!response.ok) throw await graphError(response);
    return response.status === 204 ? ({} as T) : ((await response.json()) as T);
  }

  private async accessToken(): Promise<string> {
    const now = this.clock().getTime();
    if (this.token && this.token.expiresAt > now + 60_000) return this.token.value;
    const form = new URLSearchParams({ client_id: this.settings.clientId, client_secret: this.settings.clientSecret, scope: `${this.settings.graphUrl}/.default`, grant_type: 'client_credentials' });
    const response = await this.send(`${this.settings.loginUrl}/${encodeURIComponent(this.settings.tenantId)}/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    if (!response.ok) throw new DirectoryError(response.status >= 500 ? 'unreachable' : 'not_permitted', `Entra refused Mesa's app credentials (${response.status})`);
    const token = (await response.json()) as { access_token: string; expires_in: number };
    this.token = { value: token.access_token, expiresAt: now + token.expires_in * 1000 };
    return token.access_token;
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000) });
    } catch (error) {
      throw new DirectoryError('unreachable', 'Microsoft Graph does not answer', { cause: error });
    }
  }
}

async function graphError(response: Response): Promise<DirectoryError> {
  const payload = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  const code = payload.error?.code ?? '';
  const message = `Graph answered ${response.status} ${code}`.trim();
  if (response.status === 429 || response.status >= 500) return new DirectoryError('unreachable', message);
  if (response.status === 401 || response.status === 403) return new DirectoryError('not_permitted', message);
  // Graph reports a password its policy refuses as a 400 naming the password (complexity, history, banned list).
  if (response.status === 400 && /password/i.test(payload.error?.message ?? '')) return new DirectoryError('policy_rejected', message);
  return new DirectoryError('failed', message);
}
