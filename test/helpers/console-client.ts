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

/** One Server-Sent Event as a browser's EventSource would hand it over. */
export interface ServerEvent {
  event: string;
  data: unknown;
  id?: string;
}

/** Reads a console event stream (text/event-stream) until closed; waits for events by predicate. */
export class EventStreamReader {
  private readonly events: ServerEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private ended = false;

  constructor(
    readonly status: number,
    readonly contentType: string,
    private readonly abort: AbortController,
    body: ReadableStream<Uint8Array> | null,
  ) {
    if (body) void this.read(body);
    else this.ended = true;
  }

  /** The first event (received so far or later) matching `test`; fails after `timeoutMs`. */
  async next(test: (event: ServerEvent) => boolean, timeoutMs = 10_000): Promise<ServerEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(test);
      if (found) return found;
      if (this.ended) throw new Error(`the stream ended without the expected event; got ${JSON.stringify(this.events)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        const waiters = this.waiters;
        function done(): void {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
        waiters.add(done);
      });
    }
  }

  /** Every event received so far. */
  received(): ServerEvent[] {
    return [...this.events];
  }

  /** Resolves once the server has ended the stream. */
  async closedByServer(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error('the server did not end the stream');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        this.wake();
      }
    } catch {
      // Aborted by close(), or the connection dropped: either way the stream is over.
    } finally {
      this.ended = true;
      this.wake();
    }
  }

  private parse(block: string): void {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || !line.includes(':')) continue;
      const at = line.indexOf(':');
      const name = line.slice(0, at);
      fields.set(name, (fields.has(name) ? `${fields.get(name)}\n` : '') + line.slice(at + 1).replace(/^ /, ''));
    }
    if (!fields.has('data')) return;
    const id = fields.get('id');
    this.events.push({ event: fields.get('event') ?? 'message', data: JSON.parse(fields.get('data')!), ...(id ? { id } : {}) });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
    this.waiters.clear();
  }
}

/** Opens a console event stream (e.g. /desk/stream) with this client's session. */
export async function openConsoleStream(client: ConsoleClient, path: string, headers: Record<string, string> = {}): Promise<EventStreamReader> {
  const abort = new AbortController();
  const response = await fetch(`${client.baseUrl}/api/console${path}`, {
    headers: { accept: 'text/event-stream', ...(client.cookie ? { cookie: client.cookie } : {}), ...headers },
    signal: abort.signal,
  });
  return new EventStreamReader(response.status, response.headers.get('content-type') ?? '', abort, response.ok ? response.body : null);
}
