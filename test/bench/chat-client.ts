import { Pool } from 'undici';

/** A web chat session with its request headers built once, so a turn allocates as little as possible. */
export interface ChatSession {
  id: string;
  messagesPath: string;
  postHeaders: Record<string, string>;
  getHeaders: Record<string, string>;
}

export interface ChatClientOptions {
  origin: string;
  /** Keep-alive connections for short requests (create session, POST a message). */
  commandConnections: number;
  /** Keep-alive connections for long-polls: each waiting poll holds one, so size it to the polls in flight. */
  pollConnections: number;
  /** waitMs sent with each long-poll. */
  pollWaitMs?: number;
}

/** A turn that failed: HTTP status other than expected, a network error, or no bot reply before the deadline. */
export class TurnError extends Error {
  constructor(
    readonly code: 'http_status' | 'network' | 'timeout',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface PollResponse {
  messages: { role: string }[];
  cursor: string;
}

/**
 * The one HTTP client both Mesa and the echo server are measured with, so a comparison between them is
 * about the servers. Commands and long-polls use separate pools so a POST never queues behind a socket
 * that is parked on a long-poll.
 */
export class ChatClient {
  private readonly commands: Pool;
  private readonly polls: Pool;
  private readonly pollWaitMs: number;
  /** Requests made, so a report can show polls per turn: more than ~1 means replies came late or empty. */
  readonly counts = { sends: 0, polls: 0 };

  constructor(options: ChatClientOptions) {
    // pipelining 1: a plain keep-alive HTTP/1.1 client, as a browser widget would be.
    const common = { pipelining: 1, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, headersTimeout: 60_000, bodyTimeout: 60_000 };
    this.commands = new Pool(options.origin, { ...common, connections: options.commandConnections });
    this.polls = new Pool(options.origin, { ...common, connections: options.pollConnections });
    this.pollWaitMs = options.pollWaitMs ?? 10_000;
  }

  async createSession(locale: string): Promise<ChatSession> {
    const { statusCode, body } = await this.commands.request({
      method: 'POST',
      path: '/api/chat/sessions',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale }),
    });
    if (statusCode !== 201) throw new TurnError('http_status', `create session: ${statusCode} ${await body.text()}`);
    const { sessionId, token } = (await body.json()) as { sessionId: string; token: string };
    const authorization = `Bearer ${token}`;
    return {
      id: sessionId,
      messagesPath: `/api/chat/sessions/${encodeURIComponent(sessionId)}/messages`,
      postHeaders: { 'content-type': 'application/json', authorization },
      getHeaders: { authorization },
    };
  }

  /** Creates `count` sessions, a few at a time so session setup does not itself become a load test. */
  async createSessions(count: number, localeOf: (index: number) => string, concurrency = 16): Promise<ChatSession[]> {
    const sessions = new Array<ChatSession>(count);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        const index = next++;
        sessions[index] = await this.createSession(localeOf(index));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
    return sessions;
  }

  /** POSTs a pre-serialised `{"text": ...}` body; resolves with the stored message id (a valid cursor). */
  async send(session: ChatSession, jsonBody: string): Promise<string> {
    let response;
    this.counts.sends++;
    try {
      response = await this.commands.request({ method: 'POST', path: session.messagesPath, headers: session.postHeaders, body: jsonBody });
    } catch (error) {
      throw new TurnError('network', `send: ${(error as Error).message}`, { cause: error });
    }
    if (response.statusCode !== 202) {
      throw new TurnError('http_status', `send: ${response.statusCode} ${await response.body.text()}`);
    }
    return ((await response.body.json()) as { id: string }).id;
  }

  /**
   * Long-polls from `after` until a bot message arrives; resolves at the moment it is readable.
   * `deadline` is a performance.now() timestamp: past it the turn is given up as a timeout.
   */
  async waitForBot(session: ChatSession, after: string, deadline: number): Promise<void> {
    let cursor = after;
    let networkFailures = 0;
    for (;;) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) throw new TurnError('timeout', `no bot reply after message ${after}`);
      const waitMs = Math.min(this.pollWaitMs, Math.ceil(remaining));
      let page: PollResponse;
      this.counts.polls++;
      try {
        const { statusCode, body } = await this.polls.request({
          method: 'GET',
          path: `${session.messagesPath}?after=${cursor}&waitMs=${waitMs}`,
          headers: session.getHeaders,
        });
        if (statusCode !== 200) throw new TurnError('http_status', `poll: ${statusCode} ${await body.text()}`);
        page = (await body.json()) as PollResponse;
      } catch (error) {
        if (error instanceof TurnError) throw error;
        // A GET is idempotent: a keep-alive socket closed by the server under our feet is worth one retry.
        if (++networkFailures > 2) throw new TurnError('network', `poll: ${(error as Error).message}`, { cause: error });
        continue;
      }
      for (const message of page.messages) if (message.role === 'bot') return;
      cursor = page.cursor;
    }
  }

  /** One chat turn: POST the text, then long-poll until the bot's first reply is readable. */
  async turn(session: ChatSession, jsonBody: string, deadline: number): Promise<void> {
    const id = await this.send(session, jsonBody);
    await this.waitForBot(session, id, deadline);
  }

  async close(): Promise<void> {
    await Promise.all([this.commands.close(), this.polls.close()]);
  }
}
