import type { ConversationEvent } from '../../bot/core/conversation-events.js';
import { MesaError } from '../../bot/core/errors.js';
import type { StoredMessage } from '../../bot/core/messages.js';
import { illegalTransition, UNCLOSED_STATUSES, WORKING_STATUSES } from '../tickets/lifecycle.js';
import type { TicketStatus, TimelineEntry } from '../tickets/ticket.js';
import type { Analyst, TicketView } from './analyst-desk.js';
import { changeTicket, commitChange } from './commit-change.js';
import type { DeskDeps } from './desk-deps.js';
import { refillPushQueues } from './refill.js';
import { assertHolder, ticketFor } from './ticket-access.js';
import { checkedText } from './text-input.js';
import { toView } from './ticket-views.js';

const ALL_STATUSES: readonly TicketStatus[] = [...UNCLOSED_STATUSES, 'closed'];

/**
 * The analyst writes to the user, in the user's own channel. Writing takes the conversation back from the bot
 * if it had been handed back, and the timeline records that they wrote; the words live in the transcript only.
 */
export async function reply(deps: DeskDeps, analyst: Analyst, number: string, textInput: string): Promise<StoredMessage> {
  const text = checkedText(textInput);
  const ticket = await ticketFor(deps, analyst, number);
  if (!WORKING_STATUSES.includes(ticket.status)) throw illegalTransition(ticket.status, 'in_progress');
  await assertHolder(deps, analyst, ticket);
  const at = deps.clock();
  await changeTicket(deps, {
    number,
    at,
    expect: { statuses: WORKING_STATUSES, assigneeId: ticket.assigneeId },
    set: { status: 'in_progress', handoff: 'live', firstResponseAt: ticket.firstResponseAt ?? at },
    timeline: [{ kind: 'agent_replied', actor: analyst.id, data: { from: ticket.status } }],
  }, 'in_progress');
  const message = await deps.gateway.postAgentMessage(ticket.conversationId, text, null);
  if (!message) throw new MesaError('internal', 'The conversation did not take the reply.');
  return message;
}

/** An internal note: on the timeline for colleagues, never sent to the user. */
export async function addNote(deps: DeskDeps, analyst: Analyst, number: string, textInput: string): Promise<TimelineEntry> {
  const text = checkedText(textInput);
  await ticketFor(deps, analyst, number);
  const { entries } = await commitChange(deps, {
    number,
    at: deps.clock(),
    expect: { statuses: ALL_STATUSES },
    set: {},
    timeline: [{ kind: 'note', actor: analyst.id, data: { text } }],
  }, 'note');
  return entries[0]!;
}

/** The live chat ends and the bot answers the user again; the ticket itself stays as it is. */
export async function handBack(deps: DeskDeps, analyst: Analyst, number: string): Promise<TicketView> {
  const ticket = await ticketFor(deps, analyst, number);
  if (!WORKING_STATUSES.includes(ticket.status) || ticket.handoff !== 'live') throw illegalTransition(ticket.status, 'handed_back');
  await assertHolder(deps, analyst, ticket);
  const handedBack = await changeTicket(deps, {
    number,
    at: deps.clock(),
    expect: { statuses: WORKING_STATUSES, assigneeId: ticket.assigneeId, handoffs: ['live'] },
    set: { handoff: 'ended' },
    timeline: [{ kind: 'handed_back', actor: analyst.id }],
    notices: [{ kind: 'handed_back', number }],
  }, 'handed_back');
  await refillPushQueues(deps);
  return toView(deps, handedBack);
}

/** "Typing…" for the user, only while the analyst is actually the one talking with them. */
export async function typing(deps: DeskDeps, analyst: Analyst, number: string): Promise<void> {
  const ticket = await ticketFor(deps, analyst, number);
  if (ticket.handoff === 'live' && WORKING_STATUSES.includes(ticket.status)) deps.gateway.typing(ticket.conversationId, 'agent');
}

export async function watch(deps: DeskDeps, analyst: Analyst, number: string, listener: (event: ConversationEvent) => void): Promise<() => void> {
  const ticket = await ticketFor(deps, analyst, number);
  return deps.gateway.subscribe(ticket.conversationId, listener);
}
