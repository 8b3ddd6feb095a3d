import { MeilisearchApiError } from 'meilisearch';
import { Agent, type Dispatcher } from 'undici';

/** The shape of the Meilisearch client's `httpClient` option: fetch's arguments, the parsed JSON body back. */
export type HttpClient = (input: string | URL | Request, init?: RequestInit) => Promise<unknown>;

type Method = Dispatcher.HttpMethod;

function headersOf(headers: RequestInit['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers);
  if (Array.isArray(headers)) return Object.fromEntries(headers);
  return headers as Record<string, string>;
}

/**
 * The HTTP client the Meilisearch JS client uses, on undici's keep-alive agent. Every chat turn that looks
 * for an article makes one or two requests, so their cost on Mesa's event loop counts: undici's request
 * costs about half of node:http's. It sends each request in one write with Nagle off (Node 20's fetch
 * wrote a larger body after the headers and then waited for the server's delayed ACK: ~45 ms per
 * multi-search), and applies the request timeout itself (the JS client's own adds a listener to the
 * task-polling signal on every poll and never removes it).
 */
export function createNodeHttpClient(options: { timeoutMs: number }): HttpClient {
  const agent = new Agent({ keepAliveTimeout: 30_000, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs, connect: { noDelay: true } });
  return async (input, init = {}) => {
    const url = input instanceof Request ? new URL(input.url) : typeof input === 'string' ? new URL(input) : input;
    const signal = init.signal ?? undefined;
    signal?.throwIfAborted();
    let response: Dispatcher.ResponseData;
    try {
      response = await agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: (init.method ?? 'GET') as Method,
        headers: headersOf(init.headers),
        body: typeof init.body === 'string' ? init.body : null,
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'UND_ERR_HEADERS_TIMEOUT' || (error as { code?: string }).code === 'UND_ERR_BODY_TIMEOUT') {
        throw new Error(`no answer from Meilisearch within ${options.timeoutMs} ms`, { cause: error });
      }
      throw error;
    }
    const text = await response.body.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    const status = response.statusCode;
    if (status >= 200 && status < 300) return parsed;
    throw new MeilisearchApiError(new Response(text, { status }), parsed as never);
  };
}
