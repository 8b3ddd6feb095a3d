import { createConversationEngine, type ConversationEngine } from '../../../../bot/core/conversation-engine.js';
import { initialState, type ConversationState } from '../../../../bot/core/conversation-state.js';
import type { HelpDesk } from '../../../../bot/core/help-desk.js';
import type { KnowledgeBase } from '../../../../bot/core/knowledge-base.js';
import type { Language } from '../../../../bot/core/language.js';
import type { OutboundMessage } from '../../../../bot/core/messages.js';
import type { TicketNotice } from '../../../../bot/core/ticket-notice.js';
import { createHandoffGate } from '../../../../bot/flows/handoff-gate.js';
import { defaultFlows } from '../../../../bot/flows/default-flows.js';
import { renderTicketNotice } from '../../../../bot/flows/ticket-notices.js';
import { loadLocaleResources } from '../../../../bot/i18n/load-locales.js';
import { createTranslator, type Translate, type Translator } from '../../../../bot/i18n/translator.js';
import { createNlu } from '../../../../bot/nlu/create-nlu.js';
import type { Nlu } from '../../../../bot/nlu/nlu.js';
import { loadMessageCues } from '../../../../bot/nlu/message-cues.js';
import { localesDir } from '../../../../bot/paths.js';

/** What every conversation test needs once per file: the trained NLU (a few seconds) and the translator. */
export interface Language4 {
  nlu: Nlu;
  translator: Translator;
  t: (language: Language) => Translate;
}

export async function loadLanguage(): Promise<Language4> {
  const [nlu, translator] = await Promise.all([createNlu({ localesDir: localesDir() }), createTranslator(loadLocaleResources(localesDir()))]);
  return { nlu, translator, t: (language) => translator.forLanguage(language) };
}

/** A test clock: time moves only when the test says so. */
export class TestClock {
  constructor(public now = new Date('2025-03-10T09:00:00Z')) {}
  read = (): Date => this.now;
  advance(minutes: number): void {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
  }
}

/** The engine as bot/app.ts builds it: NLU, translator, the default flows and the handoff gate. */
export function buildEngine(language: Language4, options: { desk: HelpDesk; kb?: KnowledgeBase; clock: TestClock }): ConversationEngine {
  return createConversationEngine({
    nlu: language.nlu,
    translator: language.translator,
    flows: defaultFlows({ desk: options.desk, ...(options.kb ? { kb: options.kb } : {}) }),
    handoff: createHandoffGate(options.desk),
    clock: options.clock.read,
    cues: loadMessageCues(),
    ...(options.kb ? { kb: options.kb } : {}),
  });
}

/**
 * One user's conversation, turn by turn, like a transcript. State goes through JSON between turns, as it does
 * through storage, so nothing a flow keeps can depend on living in memory.
 */
export class Chat {
  private state: ConversationState;
  private sequence = 0;

  constructor(
    private readonly engine: ConversationEngine,
    private readonly language: Language4,
    readonly options: { language: Language; userId?: string; conversationId?: string; clock: TestClock },
  ) {
    this.state = initialState(options.language, 'explicit');
  }

  get userId(): string {
    return this.options.userId ?? 'u1';
  }

  get conversationId(): string {
    return this.options.conversationId ?? `c-${this.userId}`;
  }

  get t(): Translate {
    return this.language.t(this.state.language);
  }

  say(text: string): Promise<OutboundMessage[]> {
    return this.turn(text);
  }

  press(actionId: string): Promise<OutboundMessage[]> {
    return this.turn(actionId, actionId);
  }

  /** A message the service desk sends while the user is away, worded as the gateway would. */
  notice(notice: TicketNotice): OutboundMessage {
    return renderTicketNotice(notice, this.t);
  }

  private async turn(text: string, actionId?: string): Promise<OutboundMessage[]> {
    this.sequence += 1;
    const inbound = {
      id: `${this.conversationId}-m${this.sequence}`,
      conversationId: this.conversationId,
      channel: 'webchat',
      userId: this.userId,
      text,
      ...(actionId ? { actionId } : {}),
      receivedAt: this.options.clock.now,
    };
    const output = await this.engine.handle({ inbound, state: this.state });
    this.state = JSON.parse(JSON.stringify(output.state)) as ConversationState;
    return output.replies.map(({ text: said, actions, articles, ticket }) => ({ text: said, ...(actions ? { actions } : {}), ...(articles ? { articles } : {}), ...(ticket ? { ticket } : {}) }));
  }
}

export const ids = (message: OutboundMessage | undefined): string[] => (message?.actions ?? []).map((action) => action.id);
