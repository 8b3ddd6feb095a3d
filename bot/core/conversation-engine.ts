import type { Translator } from '../i18n/translator.js';
import type { Nlu } from '../nlu/nlu.js';
import { menuActions } from '../flows/menu.js';
import { ATTACHMENT_ACTION, parseGlobalAction } from './actions.js';
import type { NewReply } from './conversation-repository.js';
import type { ConversationState } from './conversation-state.js';
import type { ConversationMemory, Flow, FlowContext, FlowOutcome, FlowStart } from './flow.js';
import type { FlowRegistry } from './flow-registry.js';
import type { HandoffGate } from './handoff-gate.js';
import type { Language } from './language.js';
import { followUserLanguage } from './language-policy.js';
import { REDACTED_TEXT } from './redaction.js';
import type { InboundMessage } from './messages.js';
import type { MessageCues } from '../nlu/message-cues.js';
import type { Understanding } from '../nlu/nlu.js';
import { usefulText } from '../nlu/useful-text.js';
import { MesaError } from './errors.js';
import type { KnowledgeBase, KnowledgeHit } from './knowledge-base.js';
import { decideRoute } from './route-decision.js';

export interface TurnInput {
  inbound: InboundMessage;
  state: ConversationState;
  /** Called once the bot is going to answer (not during a handoff, where only people talk). */
  onBotTurn?: () => void;
}

export interface TurnOutput {
  state: ConversationState;
  replies: NewReply[];
  /** Set when the user's language changed and should be remembered for them. */
  userLanguage?: Language;
}

export interface ConversationEngine {
  handle(input: TurnInput): Promise<TurnOutput>;
}

export interface ConversationEngineOptions {
  nlu: Nlu;
  translator: Translator;
  flows: FlowRegistry;
  clock: () => Date;
  /** Keeps the bot quiet while an analyst owns the conversation; absent when there is no service desk. */
  handoff?: HandoffGate;
  /** Lets a strong article match compete with a command intent; without it intents route as classified. */
  kb?: KnowledgeBase;
  /** What a message's words say (a problem described, a reset asked for, an application named). */
  cues?: MessageCues;
  /** Each routing decision and its reason, at debug level. */
  logger?: { debug(details: object, message: string): void };
}

// Mesa's ticket numbers look like SD-000123; people also type "sd 123" or "SD123".
const TICKET_NUMBER = /\bsd[-\s]?\d+\b/i;

/** Decides the bot's answer to one user message: language, then button, active flow or new intent. */
export function createConversationEngine({ nlu, translator, flows, clock, handoff, kb, cues, logger }: ConversationEngineOptions): ConversationEngine {
  return {
    async handle({ inbound, state: before, onBotTurn }) {
      const turn = new Turn(inbound, { ...before, userTurns: before.userTurns + 1 }, translator, clock());
      // A secret is never read for its language or meaning: only the flow that asked for it sees it.
      if (!inbound.actionId && !inbound.redacted) turn.followLanguage(nlu.detectLanguage(inbound.text));
      const active = before.flow ? flows.byName(before.flow.name) : undefined;
      if (handoff && (await handoff.intercept(turn))) return turn.output();
      onBotTurn?.();
      await route(turn, active);
      return turn.output();
    },
  };

  async function route(turn: Turn, active: Flow | undefined): Promise<void> {
    const { inbound } = turn;
    if (inbound.actionId === ATTACHMENT_ACTION) {
      // The flow under way (a KB walk, a survey) goes on: the user is only told to use words.
      turn.say({ text: turn.t('bot:attachment.cannot_read') });
      return;
    }
    if (inbound.actionId) {
      const action = parseGlobalAction(inbound.actionId);
      if (action?.kind === 'language') return turn.switchLanguage(action.language, !active);
      if (action?.kind === 'intent') return turn.run(flows.forIntent[action.intent], {});
      if (active?.resume && (await turn.resume(active, {}))) return;
      const owner = flows.forAction(inbound.actionId);
      if (owner) return turn.run(owner, {});
      turn.say({ text: turn.t('bot:stale_action'), actions: menuActions(turn.t) });
      return;
    }
    if (inbound.redacted) {
      // The mask itself means the secret was not kept (it looked like a password, or Mesa restarted since).
      if (inbound.text !== REDACTED_TEXT && active?.resume && (await turn.resume(active, {}))) return;
      turn.say({ text: turn.t('password:redacted_warning') });
      return;
    }
    const understanding = await nlu.understand(inbound.text, turn.language);
    if (understanding.intent === 'switch_language' && understanding.requestedLanguage && active) {
      return turn.switchLanguage(understanding.requestedLanguage, false);
    }
    if (active?.resume && (await turn.resume(active, { understanding }))) return;
    if (!cues) {
      if (understanding.intent === null) return turn.run(flows.unknown, { understanding });
      return turn.run(flows.forIntent[understanding.intent], { understanding });
    }
    await routeByEvidence(turn, understanding, cues);
  }

  async function routeByEvidence(turn: Turn, understanding: Understanding, messageCues: MessageCues): Promise<void> {
    const text = turn.inbound.text;
    // A pasted stack trace is searched by its readable lines: frames and paths only dilute the match.
    const search = kb ? (limit: number) => searchOrNothing(kb, usefulText(text), turn.language, limit) : undefined;
    const decision = await decideRoute({ understanding, signals: messageCues.read(text), mentionsTicket: TICKET_NUMBER.test(text), ...(search ? { search } : {}) });
    logger?.debug({ conversationId: turn.inbound.conversationId, intent: understanding.intent, score: understanding.score, route: decision.kind, reason: decision.reason, ...(decision.kind === 'articles' ? { confidence: decision.hits[0]?.confidence } : {}) }, 'routing decision');
    if (decision.kind === 'articles') return turn.run(flows.forIntent.report_problem, { understanding, hits: decision.hits, ...(decision.choice ? { choice: decision.choice } : {}) });
    const start = { understanding, ...(decision.hits ? { hits: decision.hits } : {}), ...(decision.searchDown ? { searchDown: true as const } : {}) };
    return turn.run(decision.kind === 'unknown' ? flows.unknown : flows.forIntent[decision.intent], start);
  }
}

/** null when search is down: routing goes on without evidence and the flow that runs next says so. */
async function searchOrNothing(kb: KnowledgeBase, text: string, language: Language, limit: number): Promise<KnowledgeHit[] | null> {
  try {
    return await kb.search(text, language, limit);
  } catch (error) {
    if (error instanceof MesaError && error.code === 'search_unavailable') return null;
    throw error;
  }
}

/** The mutable state of one turn, and the FlowContext flows see. */
class Turn implements FlowContext {
  private readonly replies: NewReply[] = [];
  private userLanguage: Language | undefined;

  constructor(
    readonly inbound: InboundMessage,
    private state: ConversationState,
    private readonly translator: Translator,
    readonly now: Date,
  ) {}

  get language(): Language {
    return this.state.language;
  }

  get t() {
    return this.translator.forLanguage(this.state.language);
  }

  say = (message: Parameters<FlowContext['say']>[0]): void => {
    this.replies.push({ ...message, role: 'bot', locale: this.state.language });
  };

  get memory(): ConversationMemory {
    return this.state.memory ?? {};
  }

  remember = (patch: Partial<ConversationMemory>): void => {
    this.state = { ...this.state, memory: { ...this.state.memory, ...patch } };
  };

  switchLanguage = (language: Language, withMenu = true): void => {
    this.state = { ...this.state, language, languageSource: 'explicit' };
    this.userLanguage = language;
    this.say({ text: this.t('bot:language.switched'), ...(withMenu ? { actions: menuActions(this.t) } : {}) });
  };

  followLanguage(guess: Parameters<typeof followUserLanguage>[1]): void {
    const next = followUserLanguage(this.state, guess, this.inbound.text);
    if (next.language !== this.state.language) this.userLanguage = next.language;
    this.state = next;
  }

  async run(flow: Flow, start: FlowStart): Promise<void> {
    await this.settle(flow, await flow.start(this, start));
  }

  /** False when the flow declined the message, which then gets routed as a new request. */
  async resume(flow: Flow, start: FlowStart): Promise<boolean> {
    const outcome = await flow.resume!(this, this.state.flow?.data, start);
    await this.settle(flow, outcome);
    return outcome.status !== 'unhandled';
  }

  output(): TurnOutput {
    return { state: this.state, replies: this.replies, ...(this.userLanguage ? { userLanguage: this.userLanguage } : {}) };
  }

  private async settle(flow: Flow, outcome: FlowOutcome): Promise<void> {
    this.state = { ...this.state, flow: outcome.status === 'waiting' ? { name: flow.name, data: outcome.data } : null };
    if (outcome.status === 'handover') await this.run(outcome.to, outcome.start);
  }
}
