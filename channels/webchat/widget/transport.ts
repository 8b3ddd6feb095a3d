import type { MessageJson, MessagesPageJson } from '../wire.js';
import { isSessionGone, sessionPath, toApiError, type Api } from './api-client.js';
import { backoffMs, sleep } from './backoff.js';
import { newerId } from './message-ids.js';
import type { StoredSession } from './session-store.js';
import { readSse, type SseEvent } from './sse-parser.js';

const POLL_WAIT_MS = 25_000;
// A proxy that breaks streaming shows up as streams that keep failing; after this many, long-poll.
const STREAM_FAILURES_BEFORE_POLLING = 3;
const STREAM_RETRY_MS = 60_000;

/** The stream endpoint answered, but not with a usable event stream: long-poll instead. */
class StreamUnsupported extends Error {}

/** What the transport reports to the controller. */
export interface TransportHandlers {
  onMessage(message: MessageJson): void;
  onTyping(): void;
  onConnected(connected: boolean): void;
  onSessionGone(): void;
}

/** Push stream first, long poll as the fallback, reconnecting from the last seen id. */
export class Transport {
  private readonly abort = new AbortController();
  private failures = 0;
  /** When polling after stream failures, the time to give the stream another go; null once it proved unsupported. */
  private retryStreamAt: number | null = null;
  mode: 'stream' | 'poll' = 'stream';

  /** cursor undefined replays the conversation from its first message. */
  constructor(private readonly api: Api, private readonly session: StoredSession, private cursor: string | undefined, private readonly handlers: TransportHandlers) {}

  start(): void {
    void this.run();
  }

  stop(): void {
    this.abort.abort();
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    while (!signal.aborted) {
      try {
        if (this.mode === 'stream') await this.streamOnce();
        else await this.pollOnce();
        // A stream the server closed cleanly is simply reopened; the pause avoids a hot loop.
        if (this.mode === 'stream') await sleep(250, signal);
      } catch (error) {
        if (signal.aborted) return;
        if (!(await this.recover(error))) return;
      }
    }
  }

  /** Decides what a failure means; false when this transport must stop. */
  private async recover(error: unknown): Promise<boolean> {
    if (isSessionGone(error)) {
      this.handlers.onSessionGone();
      return false;
    }
    if (error instanceof StreamUnsupported) {
      this.mode = 'poll';
      this.retryStreamAt = null;
      return true;
    }
    this.failures += 1;
    this.handlers.onConnected(false);
    if (this.mode === 'stream' && this.failures >= STREAM_FAILURES_BEFORE_POLLING) {
      this.mode = 'poll';
      this.retryStreamAt = Date.now() + STREAM_RETRY_MS;
    }
    await sleep(backoffMs(this.failures), this.abort.signal);
    return true;
  }

  private connected(): void {
    this.failures = 0;
    this.handlers.onConnected(true);
  }

  private async streamOnce(): Promise<void> {
    const query = this.cursor === undefined ? '' : `?after=${encodeURIComponent(this.cursor)}`;
    const response = await fetch(`${this.api.base}${sessionPath(this.session)}/stream${query}`, {
      headers: { Authorization: `Bearer ${this.session.token}`, Accept: 'text/event-stream' },
      signal: this.abort.signal,
      cache: 'no-store',
    });
    if (!response.ok) throw await this.streamError(response);
    const type = response.headers.get('Content-Type') ?? '';
    if (!response.body || !type.includes('text/event-stream')) throw new StreamUnsupported();
    this.connected();
    await readSse(response.body, (event) => this.onSseEvent(event));
  }

  private async streamError(response: Response): Promise<Error> {
    const error = await toApiError(response);
    // Server trouble is worth retrying; any other refusal means this server does not stream to us.
    if (isSessionGone(error) || response.status >= 500 || response.status === 429) return error;
    return new StreamUnsupported();
  }

  private onSseEvent(event: SseEvent): void {
    if (event.event === 'typing') {
      this.handlers.onTyping();
      return;
    }
    if (event.event !== 'message') return;
    const message = JSON.parse(event.data) as MessageJson;
    this.deliver(message, event.id ?? message.id);
  }

  private async pollOnce(): Promise<void> {
    const startedAt = Date.now();
    const query = new URLSearchParams({ waitMs: String(POLL_WAIT_MS) });
    if (this.cursor !== undefined) query.set('after', this.cursor);
    const page = await this.api.request<MessagesPageJson>('GET', `${sessionPath(this.session)}/messages?${query.toString()}`, {
      token: this.session.token,
      signal: this.abort.signal,
    });
    this.connected();
    // Failures may have been a server restart rather than a proxy that breaks streams: try again later.
    if (this.retryStreamAt !== null && Date.now() >= this.retryStreamAt) this.mode = 'stream';
    for (const message of page.messages) this.deliver(message, message.id);
    if (page.cursor) this.cursor = newerId(this.cursor, page.cursor);
    // A server that answers at once instead of holding the request must not be hammered.
    if (page.messages.length === 0 && Date.now() - startedAt < 1000) await sleep(1000, this.abort.signal);
  }

  private deliver(message: MessageJson, cursor: string): void {
    this.cursor = newerId(this.cursor, cursor);
    this.handlers.onMessage(message);
  }
}
