import type { Request, Response } from 'express';

export interface SseStream {
  /** Writes one event; ignored once the stream is closed. */
  send(event: string, data: unknown, id?: string): void;
  /** Runs when the stream ends, whoever ended it (client, shutdown, or close()). */
  onClose(cleanup: () => void): void;
  close(): void;
  readonly open: boolean;
}

export interface SseOptions {
  /** Aborted when Mesa shuts down: the stream ends so the server can close. */
  shutdown?: AbortSignal;
  /** A comment line this often keeps proxies and load balancers from dropping a quiet stream. */
  heartbeatMs: number;
}

/** Starts a Server-Sent Events answer that cleans up after itself however it ends. */
export function openSse(request: Request, response: Response, { shutdown, heartbeatMs }: SseOptions): SseStream {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // Sent at once so the browser's EventSource reports "open" without waiting for the first event.
  response.write(': connected\n\n');
  const cleanups: Array<() => void> = [];
  let open = true;
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), heartbeatMs);
  const close = (): void => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    shutdown?.removeEventListener('abort', close);
    for (const cleanup of cleanups.splice(0)) cleanup();
    response.end();
  };
  response.on('close', close);
  if (shutdown?.aborted) queueMicrotask(close);
  else shutdown?.addEventListener('abort', close, { once: true });
  return {
    send(event, data, id) {
      if (!open) return;
      response.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose(cleanup) {
      if (open) cleanups.push(cleanup);
      else cleanup();
    },
    close,
    get open() {
      return open;
    },
  };
}
