import type { Request, Response } from 'express';
import type { ConversationEvent } from '../../bot/core/conversation-events.js';
import type { StoredMessage } from '../../bot/core/messages.js';
import { hasAnyRole } from '../../bot/staff/roles.js';
import type { Analyst, AnalystDesk, DeskEvent } from '../../ticketing/desk/analyst-desk.js';
import { toMessageJson } from '../webchat/message-json.js';
import { deskEventJson } from './desk-json.js';
import { openSse, type SseOptions } from '../http/sse-stream.js';

/** Proxies commonly drop connections silent for 30–60 s; a comment every 25 s keeps the stream alive. */
export const DESK_HEARTBEAT_MS = 25_000;

/** Enough to follow every ticket an analyst could have on screen during a long shift. */
const REMEMBERED_TICKETS = 5_000;

/**
 * Whether this analyst should hear about the event: their queues, their tickets, their alerts, and what
 * became of a ticket they were told about before (so it leaves their lists when it moves elsewhere).
 */
function relevant(event: DeskEvent, analyst: Analyst, queueIds: ReadonlySet<string>, known: ReadonlySet<string>): boolean {
  switch (event.type) {
    case 'ticket':
      return queueIds.has(event.queueId) || event.assigneeId === analyst.id || known.has(event.number);
    case 'queue_alert':
      return event.analystIds.includes(analyst.id);
    case 'complaint':
      return hasAnyRole(analyst.roles, ['coordinator']);
  }
}

/**
 * The analyst's live feed (`event: desk`). While it is open the analyst counts as online for push
 * assignment and wait estimates, so connect() is held for exactly the stream's lifetime.
 */
export async function streamDeskEvents(request: Request, response: Response, desk: AnalystDesk, analyst: Analyst, options: SseOptions): Promise<void> {
  // Queues come from configuration, so the set read at connect stays right for the stream's life.
  const queueIds = new Set((await desk.queues(analyst)).map((queue) => queue.id));
  const stream = openSse(request, response, options);
  const known = new Set<string>();
  stream.onClose(desk.subscribe((event) => {
    if (!relevant(event, analyst, queueIds, known)) return;
    if (event.type === 'ticket') {
      known.delete(event.number);
      known.add(event.number);
      if (known.size > REMEMBERED_TICKETS) known.delete(known.values().next().value!);
    }
    stream.send('desk', deskEventJson(event));
  }));
  stream.onClose(desk.connect(analyst));
}

/**
 * One ticket's conversation as it happens: `event: message` (the web chat's Message shape, with its id so a
 * reconnecting EventSource resumes after the last one it saw) and `event: typing` {by}.
 */
export async function streamTicket(request: Request, response: Response, desk: AnalystDesk, analyst: Analyst, number: string, options: SseOptions): Promise<void> {
  const pending: ConversationEvent[] = [];
  let live: ((event: ConversationEvent) => void) | null = null;
  // Subscribe before reading the backlog so nothing said in between is lost; duplicates are skipped by id.
  const unwatch = await desk.watch(analyst, number, (event) => (live ? live(event) : pending.push(event)));
  let backlog: StoredMessage[] = [];
  const after = request.get('last-event-id') ?? (typeof request.query.after === 'string' ? request.query.after : undefined);
  try {
    if (after !== undefined) backlog = messagesAfter((await desk.detail(analyst, number)).transcript, after);
  } catch (error) {
    unwatch();
    throw error;
  }
  const stream = openSse(request, response, options);
  stream.onClose(unwatch);
  const sent = new Set<string>();
  const forward = (event: ConversationEvent): void => {
    if (event.type === 'typing') return stream.send('typing', { by: event.by });
    for (const message of event.messages) {
      if (sent.has(message.id)) continue;
      sent.add(message.id);
      stream.send('message', toMessageJson(message), message.id);
    }
  };
  forward({ type: 'messages', messages: backlog });
  for (const event of pending.splice(0)) forward(event);
  live = forward;
}

/** What came after the message the client saw last; everything when that id is unknown. */
function messagesAfter(transcript: StoredMessage[], after: string): StoredMessage[] {
  const index = transcript.findIndex((message) => message.id === after);
  return index >= 0 ? transcript.slice(index + 1) : transcript;
}
