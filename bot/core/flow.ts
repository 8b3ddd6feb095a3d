import type { Translate } from '../i18n/translator.js';
import type { IntentName, Understanding } from '../nlu/nlu.js';
import type { KnowledgeHit } from './knowledge-base.js';
import type { EscalationContext, TriedArticle } from './help-desk.js';
import type { Language } from './language.js';
import type { InboundMessage, OutboundMessage } from './messages.js';

/** What a flow may see and do during one turn. */
export interface FlowContext {
  readonly inbound: InboundMessage;
  readonly language: Language;
  readonly now: Date;
  readonly t: Translate;
  say(message: OutboundMessage): void;
  /** The user chose a language: speak it from now on, in this and later conversations. */
  switchLanguage(language: Language): void;
  /** What this conversation has established so far (the problem, articles tried), for later flows. */
  readonly memory: ConversationMemory;
  remember(patch: Partial<ConversationMemory>): void;
}

/** Facts a conversation keeps across flows, so an escalation never asks the user to repeat themselves. */
export interface ConversationMemory {
  /** The user's own words for their current problem. */
  problem?: string;
  /** Articles offered and walked for it, with their outcomes. */
  tried?: TriedArticle[];
  /** The ticket whose queue already heard "I've added that to your ticket": said once per ticket, never again. */
  acknowledgedTicket?: string;
  /** The survey whose optional comment the bot asked for, and when (ISO time): the user's next words are the comment. */
  surveyComment?: { number: string; askedAt: string };
  /** When (ISO time) a flow asked a question a typed 1/2/3 answers, so such a number is not read as a survey score. */
  choiceAskedAt?: string;
}

/**
 * A flow either finishes in this turn, waits for the user's next message with data to resume from, or
 * declines a message that is not for it (the user changed the subject): the flow ends and the message is
 * routed as if no flow were active.
 */
export type FlowOutcome =
  | { status: 'done' }
  | { status: 'waiting'; data: unknown }
  | { status: 'unhandled' }
  /** Passes the conversation to another flow in the same turn (e.g. a failed fix goes to a person). */
  | { status: 'handover'; to: Flow; start: FlowStart };

export interface FlowStart {
  understanding?: Understanding;
  /** Set when a flow hands the user to a person: why, and what was tried. */
  escalation?: EscalationContext;
  /** Articles routing already found for the message, so the fix flow offers them without searching again. */
  hits?: KnowledgeHit[];
  /** Routing found search down: the fix flow says so at once instead of waiting on it again. */
  searchDown?: true;
  /** A command the user may have meant instead, offered as one more choice next to the articles. */
  choice?: IntentName;
}

/** A small unit of conversation (greeting, password reset, KB fix, survey…); new capabilities add flows. */
export interface Flow {
  readonly name: string;
  start(context: FlowContext, start: FlowStart): Promise<FlowOutcome>;
  /** Called with the user's next message while the flow waits; flows that never wait omit it. */
  resume?(context: FlowContext, data: unknown, start: FlowStart): Promise<FlowOutcome>;
}

export const done: FlowOutcome = { status: 'done' };
export const unhandled: FlowOutcome = { status: 'unhandled' };
export const waiting = (data: unknown): FlowOutcome => ({ status: 'waiting', data });
export const handover = (to: Flow, start: FlowStart = {}): FlowOutcome => ({ status: 'handover', to, start });
