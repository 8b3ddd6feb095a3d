import type { EscalationContext, TicketType } from '../core/help-desk.js';
import type { FlowContext, FlowStart } from '../core/flow.js';

// What the user typed is the problem itself when the bot read it as a problem or a request; "agent" is not.
const DESCRIBING_INTENTS = new Set(['report_problem', 'service_request']);

/**
 * Everything already known when the user reaches for a person: what a failed fix handed over, else what the
 * conversation remembers, plus what the bot understood. Nothing here is asked of the user again.
 */
export function escalationContext(context: FlowContext, { escalation, understanding }: FlowStart, type: TicketType): EscalationContext {
  const intent = understanding?.intent ? { name: understanding.intent, confidence: understanding.score } : undefined;
  if (escalation) return { ...escalation, ...(escalation.intent || !intent ? {} : { intent }) };
  const typed = !context.inbound.actionId && intent && DESCRIBING_INTENTS.has(intent.name) ? context.inbound.text.trim() : undefined;
  // A button press is an explicit choice: the bot is sure what was asked for.
  const chosen = intent ?? { name: type === 'service_request' ? 'service_request' : 'human', confidence: 1 };
  if (type === 'service_request') return { reason: 'service_request', intent: chosen, ...(typed ? { problem: typed } : {}) };
  const { problem, tried } = context.memory;
  if (typed) return { reason: 'user_asked', intent: chosen, problem: typed };
  return { reason: 'user_asked', intent: chosen, ...(problem ? { problem } : {}), ...(problem && tried?.length ? { tried } : {}) };
}

const SUMMARY_LENGTH = 120;

/** The ticket's one-line summary: the start of the user's words, cut between words. */
export function summaryOf(problem: string): string {
  const flat = problem.replace(/\s+/g, ' ').trim();
  if (flat.length <= SUMMARY_LENGTH) return flat;
  const cut = flat.slice(0, SUMMARY_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
