import type { EscalationContext, HelpDesk, Level, TicketType } from '../core/help-desk.js';
import { done, unhandled, waiting, type Flow, type FlowContext, type FlowOutcome, type FlowStart } from '../core/flow.js';
import type { IntentName } from '../nlu/nlu.js';
import { escalationContext, summaryOf } from './escalation-context.js';
import { levelActions, readLevel, type LevelQuestion } from './escalation-levels.js';
import { ticketOpenedMessage } from './ticket-opened.js';
import { ticketOrigin } from './ticket-origin.js';

type Question = 'problem' | LevelQuestion;

interface Asking {
  type: TicketType;
  context: EscalationContext;
  impact?: Level;
  urgency?: Level;
  asking: Question;
  /** Answers to the current question the bot could not read; the second one makes it assume "medium". */
  misses: number;
}

/** What is known so far, between questions. */
type Draft = Omit<Asking, 'asking' | 'misses'>;

// While the bot asks how bad it is, these mean the user moved on to something else, not an answer.
const MOVED_ON: ReadonlySet<IntentName> = new Set(['help', 'greeting', 'thanks', 'reset_password', 'unlock_account', 'ticket_status', 'service_request']);
// Asked to describe the problem, anything is a description except plainly leaving ("menu", "thanks") or a
// request the bot serves itself (self-service first: a forgotten password needs no analyst).
const MOVED_ON_FROM_DESCRIBING: ReadonlySet<IntentName> = new Set(['help', 'greeting', 'thanks', 'ticket_status', 'reset_password', 'unlock_account']);
const MAX_MISSES = 2;

export interface EscalateFlowOptions {
  desk: HelpDesk;
  /** Incidents ask who is affected; service requests only how soon they are needed. */
  type?: TicketType;
}

/**
 * Gets the user to a person: takes what the conversation already knows, asks only for what is missing (one
 * question at a time, with buttons), opens the ticket and says honestly where it stands in the queue.
 */
export function escalateFlow({ desk, type = 'incident' }: EscalateFlowOptions): Flow {
  function missing(state: Draft): Question | null {
    if (!state.context.problem) return 'problem';
    if (state.type === 'incident' && !state.impact) return 'impact';
    return state.urgency ? null : 'urgency';
  }

  async function next(context: FlowContext, state: Draft, lead?: string): Promise<FlowOutcome> {
    const question = missing(state);
    if (!question) return open(context, state, lead);
    context.remember({ choiceAskedAt: question === 'problem' ? undefined : context.now.toISOString() });
    ask(context, question, state.type, lead);
    return waiting({ ...state, asking: question, misses: 0 } satisfies Asking);
  }

  function ask(context: FlowContext, question: Question, ticketType: TicketType, lead?: string): void {
    const { t } = context;
    const words = question === 'problem' ? t(ticketType === 'service_request' ? 'bot:escalate.ask_request' : 'bot:escalate.ask_problem') : t(`bot:escalate.ask_${question}`);
    context.say({ text: lead ? `${lead} ${words}` : words, ...(question === 'problem' ? {} : { actions: levelActions(t, question) }) });
  }

  async function open(context: FlowContext, state: Draft, lead?: string): Promise<FlowOutcome> {
    const { language, now } = context;
    const problem = state.context.problem ?? '';
    const opened = await desk.openTicket({
      ...ticketOrigin(context),
      type: state.type,
      summary: summaryOf(problem),
      impact: state.impact ?? 'low',
      urgency: state.urgency ?? 'medium',
      context: state.context,
      at: now,
    });
    // The ticket holds the problem now; a later request for a person starts afresh.
    context.remember({ problem: undefined, tried: undefined, choiceAskedAt: undefined });
    const message = ticketOpenedMessage(context.t, language, opened, now);
    context.say(lead ? { ...message, text: `${lead} ${message.text}` } : message);
    return done;
  }

  function leave(context: FlowContext): FlowOutcome {
    context.remember({ choiceAskedAt: undefined });
    return unhandled;
  }

  async function answerLevel(context: FlowContext, state: Asking, question: LevelQuestion, start: FlowStart): Promise<FlowOutcome> {
    const level = readLevel(context.t, question, context.inbound);
    if (level) return next(context, { ...state, [question]: level });
    const intent = start.understanding?.intent;
    if (context.inbound.actionId || (intent && MOVED_ON.has(intent))) return leave(context);
    if (state.misses + 1 >= MAX_MISSES) return next(context, { ...state, [question]: 'medium' }, context.t(`bot:escalate.assumed_${question}`));
    ask(context, question, state.type, context.t('bot:escalate.not_understood'));
    return waiting({ ...state, misses: state.misses + 1 } satisfies Asking);
  }

  return {
    name: type === 'service_request' ? 'service-request' : 'escalate',
    async start(context, start) {
      const escalation = escalationContext(context, start, type);
      return next(context, { type, context: escalation }, context.t(`bot:escalate.intro.${escalation.reason}`));
    },
    async resume(context, raw, start) {
      const state = raw as Asking;
      if (state.asking !== 'problem') return answerLevel(context, state, state.asking, start);
      const intent = start.understanding?.intent;
      if (context.inbound.actionId || (intent && MOVED_ON_FROM_DESCRIBING.has(intent))) return leave(context);
      return next(context, { ...state, context: { ...state.context, problem: context.inbound.text.trim() } });
    },
  };
}
