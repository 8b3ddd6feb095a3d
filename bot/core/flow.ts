import type { Translate } from '../i18n/translator.js';
import type { Understanding } from '../nlu/nlu.js';
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
}

/** A flow either finishes in this turn or waits for the user's next message with data to resume from. */
export type FlowOutcome = { status: 'done' } | { status: 'waiting'; data: unknown };

export interface FlowStart {
  understanding?: Understanding;
}

/** A small unit of conversation (greeting, password reset, KB fix, survey…); new capabilities add flows. */
export interface Flow {
  readonly name: string;
  start(context: FlowContext, start: FlowStart): Promise<FlowOutcome>;
  /** Called with the user's next message while the flow waits; flows that never wait omit it. */
  resume?(context: FlowContext, data: unknown): Promise<FlowOutcome>;
}

export const done: FlowOutcome = { status: 'done' };
