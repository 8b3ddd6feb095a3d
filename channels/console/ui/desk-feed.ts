import type { DeskEvent } from '../desk-wire.js';

/** What views hear: the desk's events, and `resync` whenever the stream (re)opens (events may have been missed). */
export type FeedEvent = DeskEvent | { type: 'resync' };

export interface DeskFeed {
  subscribe(listener: (event: FeedEvent) => void): () => void;
  close(): void;
}

const RETRY_MS = 5_000;

/**
 * The analyst's one live connection to /api/console/desk/stream, shared by every view while signed in.
 * Holding it open is also what tells Mesa the analyst is online. EventSource retries network drops by
 * itself; a refused stream (signed out, server restarting) is retried here, more slowly.
 */
export function openDeskFeed(): DeskFeed {
  const listeners = new Set<(event: FeedEvent) => void>();
  let source: EventSource | null = null;
  let retry = 0;
  let closed = false;
  const emit = (event: FeedEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };
  const connect = (): void => {
    source = new EventSource('/api/console/desk/stream');
    // Also on the first open: lists fetched before the stream was up may have missed something, and
    // from this moment the analyst counts as online.
    source.addEventListener('open', () => emit({ type: 'resync' }));
    source.addEventListener('desk', (message) => emit(JSON.parse((message as MessageEvent<string>).data) as DeskEvent));
    source.addEventListener('error', () => {
      if (source?.readyState !== EventSource.CLOSED || closed) return;
      retry = window.setTimeout(connect, RETRY_MS);
    });
  };
  connect();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      window.clearTimeout(retry);
      source?.close();
      listeners.clear();
    },
  };
}
