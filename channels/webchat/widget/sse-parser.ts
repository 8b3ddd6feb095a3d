// Server-Sent Events over fetch: EventSource cannot send the Authorization header.

/** One event of the stream: its type, its id if any, its data lines joined. */
export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/** Calls onEvent per complete event until the stream ends. Lines end in \n or \r\n (what Node servers send). */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: (event: SseEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let current: SseEvent = { event: 'message', id: null, data: '' };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line === '') {
        if (current.data !== '') onEvent(current);
        current = { event: 'message', id: null, data: '' };
      } else {
        applySseField(current, line);
      }
    }
  }
}

function applySseField(event: SseEvent, line: string): void {
  if (line.startsWith(':')) return; // a comment: servers send these as heartbeats
  const colon = line.indexOf(':');
  const field = colon === -1 ? line : line.slice(0, colon);
  let value = colon === -1 ? '' : line.slice(colon + 1);
  if (value.startsWith(' ')) value = value.slice(1);
  if (field === 'event') event.event = value;
  else if (field === 'id') event.id = value;
  else if (field === 'data') event.data = event.data === '' ? value : `${event.data}\n${value}`;
}
