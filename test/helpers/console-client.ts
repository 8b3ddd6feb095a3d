/** A small client of the console API, holding the session cookie the way a browser would. */
export interface ConsoleResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  setCookie: string[];
}

export class ConsoleClient {
  cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ConsoleResponse<T>> {
    const response = await fetch(`${this.baseUrl}/api/console${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers.getSetCookie();
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, setCookie };
  }

  /** Signs in and keeps the session cookie for the next calls. */
  async login(email: string, password: string): Promise<ConsoleResponse> {
    const response = await this.call('POST', '/login', { email, password });
    const session = response.setCookie.find((cookie) => cookie.startsWith('mesa_session='));
    if (response.status === 200 && session) this.cookie = session.split(';')[0]!;
    return response;
  }

  static async signedIn(baseUrl: string, email: string, password: string): Promise<ConsoleClient> {
    const client = new ConsoleClient(baseUrl);
    const response = await client.login(email, password);
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
    return client;
  }
}
