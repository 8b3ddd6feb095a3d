import type { MessageSignals } from '../nlu/message-cues.js';
import type { IntentName, Understanding } from '../nlu/nlu.js';
import type { KnowledgeHit } from './knowledge-base.js';

/** Every threshold routing uses, in one place. */
export const ROUTING = {
  /** A command intent this sure, in a short message that describes no problem, is acted on without searching. */
  commandScore: 0.8,
  /**
   * Longer messages are descriptions more often than commands ("how can I read my work mail on my iPhone",
   * "questa mail puzza di truffa"), so the knowledge base is asked before the command runs.
   */
  maxCommandWords: 3,
  /** "could we continue in English, please": a request naming a language stays short even when polite. */
  languageRequestWords: 8,
  /** A command this plausible is offered as one of the choices next to the articles found. */
  choiceScore: 0.3,
  /**
   * A confident command described without problem words gives way only to a match this sure (search itself
   * offers from about 0.4): "show me the main options" matches an article's words, not its subject.
   */
  strongMatch: 0.8,
  /** Past this many words a confident social reading ("vorrei leggere la posta…" as thanks) is no longer trusted over search. */
  strongMatchWords: 6,
  /** A message with words of life outside IT (bank, salary, weather…) gets an article only on a match this sure. */
  offTopicMatch: 1.2,
  /** Articles offered at most. */
  maxOffers: 3,
} as const;

/** Intents that do something (or show something) instead of solving a problem. */
const COMMANDS: ReadonlySet<IntentName> = new Set(['greeting', 'help', 'thanks', 'human', 'reset_password', 'unlock_account', 'ticket_status', 'service_request', 'switch_language']);
/** Commands worth a button next to articles: the flows a user may have meant instead. */
const CHOICES: ReadonlySet<IntentName> = new Set(['reset_password', 'unlock_account', 'ticket_status', 'service_request', 'switch_language', 'help']);
/** Answers that are plainly wrong for a problem description nothing in the KB matched: better to ask. */
const WRONG_FOR_PROBLEMS: ReadonlySet<IntentName> = new Set(['greeting', 'help', 'switch_language', 'ticket_status']);
/** The directory account's flows, which an application's own article beats. */
const ACCOUNT_FLOWS: ReadonlySet<IntentName> = new Set(['reset_password', 'unlock_account']);

export type RouteDecision =
  /** Run the intent's flow. */
  | { kind: 'intent'; intent: IntentName; hits?: KnowledgeHit[]; searchDown?: true; reason: string }
  /** Offer these articles, with `choice` as a further button when the command was plausible too. */
  | { kind: 'articles'; hits: KnowledgeHit[]; choice?: IntentName; reason: string }
  /** What no intent explains: the unknown flow (a KB search, else a clarifying question). */
  | { kind: 'unknown'; hits?: KnowledgeHit[]; searchDown?: true; reason: string };

export interface RouteInput {
  understanding: Understanding;
  signals: MessageSignals;
  /** Set when a ticket number was written: strong evidence for a ticket question. */
  mentionsTicket: boolean;
  /** Absent without a knowledge base; resolves null when search is down (the flow that runs next says so). */
  search?: (limit: number) => Promise<KnowledgeHit[] | null>;
}

/** Why a confident command needs no search, or null when the knowledge base should be asked. */
function commandWithoutSearch({ understanding, signals, mentionsTicket }: RouteInput): string | null {
  const { intent, score } = understanding;
  if (intent === null || !COMMANDS.has(intent) || score < ROUTING.commandScore) return null;
  if (intent === 'ticket_status' && mentionsTicket) return 'ticket number';
  if (signals.describesProblem) return null;
  if (intent === 'switch_language') return understanding.requestedLanguage && signals.words <= ROUTING.languageRequestWords ? 'language named' : null;
  // "Reset my password" is the account flow; "acct locked" or "SAP password" may have an article of its own.
  if (ACCOUNT_FLOWS.has(intent)) return signals.asksForAction && !signals.application ? 'account flow asked for' : null;
  // A request may have a self-service article ("need to install visio"); access requests often do.
  if (intent === 'service_request' || signals.words > ROUTING.maxCommandWords) return null;
  return 'confident command';
}

/** The least confidence a match needs here: more for a confident short command, or words of life outside IT. */
function neededConfidence({ understanding, signals }: RouteInput): number {
  if (signals.offTopic) return ROUTING.offTopicMatch;
  const confidentCommand = understanding.intent !== null && COMMANDS.has(understanding.intent) && understanding.score >= ROUTING.commandScore;
  return confidentCommand && !signals.describesProblem && signals.words <= ROUTING.strongMatchWords ? ROUTING.strongMatch : 0;
}

/**
 * Decides where a free-text message goes when no flow takes it: a command wins only when it is confidently
 * that and the message is not a problem description; otherwise the knowledge base is asked, and what it
 * finds is offered (the command as one more choice when it was plausible too). `hits` on the other decisions
 * is what search found (maybe nothing), so the flow that runs next need not search again.
 */
export async function decideRoute(input: RouteInput): Promise<RouteDecision> {
  const { understanding, signals, search } = input;
  const { intent, score } = understanding;
  const command = intent !== null && COMMANDS.has(intent);
  const sure = commandWithoutSearch(input);
  if (intent !== null && sure) return { kind: 'intent', intent, reason: sure };
  const why = !command ? (intent === null ? 'no confident intent' : 'problem intent') : signals.describesProblem ? 'problem description' : signals.words > ROUTING.maxCommandWords ? 'long message' : score < ROUTING.commandScore ? 'unsure command' : 'account words without a request';
  if (!search) return intent === null ? { kind: 'unknown', reason: why } : { kind: 'intent', intent, reason: why };
  const answer = await search(ROUTING.maxOffers);
  const found = answer ?? [];
  // Search being down is no evidence either way: the next flow says so, without waiting on search again.
  const none = answer === null ? { searchDown: true as const } : { hits: [] };
  const strongEnough = found.length > 0 && (found[0]!.confidence ?? Infinity) >= neededConfidence(input);
  if (strongEnough) {
    const choice = intent !== null && CHOICES.has(intent) && score >= ROUTING.choiceScore ? intent : undefined;
    return { kind: 'articles', hits: found, ...(choice ? { choice } : {}), reason: `${why}, knowledge base matched` };
  }
  const nothing = found.length > 0 ? (signals.offTopic ? `only a weak match, "${signals.offTopic}" is not IT` : 'only a weak match') : 'nothing matched';
  // "My bank card PIN" is not the IT desk's: asking beats a wrong article or an IT ticket.
  if (intent === null || (!command && signals.offTopic)) return { kind: 'unknown', ...none, reason: `${why}, ${nothing}` };
  if (command && signals.describesProblem && WRONG_FOR_PROBLEMS.has(intent) && !input.mentionsTicket) return { kind: 'unknown', ...none, reason: `${why}, ${nothing}, ${intent} would not answer it` };
  return { kind: 'intent', intent, ...none, reason: `${why}, ${nothing}` };
}
