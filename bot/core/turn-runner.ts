import type { Logger } from '../logger.js';
import type { Translator } from '../i18n/translator.js';
import { fitChoices, type ChannelCapabilities } from './channel-capabilities.js';
import type { ConversationEngine } from './conversation-engine.js';
import type { ConversationEvents } from './conversation-events.js';
import type { ConversationRepository, PendingTurn } from './conversation-repository.js';
import { KeyedDrains, KeyedRetries } from './keyed-drains.js';
import { REDACTED_TEXT, type SecretInbox } from './redaction.js';

export interface TurnRunnerOptions {
  repository: ConversationRepository;
  engine: ConversationEngine;
  events: ConversationEvents;
  translator: Translator;
  logger: Logger;
  clock: () => Date;
  /** Delay before retrying a conversation whose storage failed; grows per attempt. */
  retryDelayMs?: number;
  /** What each channel can show; replies are fitted to it. Channels not known show everything. */
  capabilitiesOf?: (channel: string) => ChannelCapabilities;
  /** Where the accepting request left secrets it kept out of the transcript. */
  secrets?: SecretInbox;
}

/**
 * Answers accepted user messages: one turn at a time per conversation, in the order they were accepted,
 * while different conversations proceed concurrently. A turn's effects are committed atomically, so a
 * crash leaves it pending and it is answered after the restart.
 */
export class TurnRunner {
  private readonly drains = new KeyedDrains((conversationId, more) => this.drainConversation(conversationId, more));
  private readonly retries = new KeyedRetries();
  private stopped = false;

  constructor(private readonly options: TurnRunnerOptions) {}

  /** Ensures every pending message of the conversation gets answered. */
  schedule(conversationId: string): void {
    if (this.stopped) return;
    this.drains.schedule(conversationId);
  }

  /** Picks up turns accepted before a crash or restart. */
  async recover(): Promise<number> {
    const ids = await this.options.repository.conversationsWithPendingTurns();
    for (const id of ids) this.schedule(id);
    return ids.length;
  }

  /** Stops taking new work and waits for turns already running. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.retries.clear();
    await this.drains.idle();
  }

  /** Resolves when no turn is running (tests and shutdown). */
  async idle(): Promise<void> {
    await this.drains.idle();
  }

  private async drainConversation(conversationId: string, more: () => boolean, attempt = 0): Promise<void> {
    try {
      do {
        for (const pending of await this.options.repository.pendingTurns(conversationId)) {
          if (this.stopped) return;
          await this.runTurn(conversationId, pending);
        }
      } while (more() && !this.stopped);
    } catch (error) {
      this.options.logger.error({ err: error, conversationId, attempt }, 'turn failed in storage; will retry');
      this.retryLater(conversationId, attempt + 1);
    }
  }

  private retryLater(conversationId: string, attempt: number): void {
    if (this.stopped) return;
    const delay = Math.min(30_000, (this.options.retryDelayMs ?? 500) * 2 ** Math.min(attempt, 6));
    this.retries.later(conversationId, delay, () => this.schedule(conversationId));
  }

  private async runTurn(conversationId: string, pending: PendingTurn): Promise<void> {
    const { repository, engine, events, logger, clock } = this.options;
    const conversation = await repository.findConversation(conversationId);
    if (!conversation) return;
    const redacted = pending.message.text === REDACTED_TEXT;
    const secret = redacted ? this.options.secrets?.take(pending.message.id) : undefined;
    const inbound = {
      id: pending.message.id,
      conversationId,
      channel: conversation.channel,
      userId: conversation.userId,
      text: secret ?? pending.message.text,
      ...(redacted ? { redacted: true } : {}),
      ...(pending.actionId ? { actionId: pending.actionId } : {}),
      receivedAt: pending.message.createdAt,
    };
    let output;
    try {
      output = await engine.handle({ inbound, state: conversation.state, onBotTurn: () => events.publish(conversationId, { type: 'typing', by: 'bot' }) });
    } catch (error) {
      // A bug in a flow must not wedge the conversation: apologise in the user's language and move on.
      logger.error({ err: error, conversationId, messageId: inbound.id }, 'turn failed');
      const language = conversation.state.language;
      output = {
        state: { ...conversation.state, flow: null },
        replies: [{ role: 'bot' as const, locale: language, text: this.options.translator.forLanguage(language)('bot:errors.turn_failed') }],
      };
    }
    const capabilities = this.options.capabilitiesOf?.(conversation.channel);
    if (capabilities) output = { ...output, replies: output.replies.map((reply) => fitChoices(reply, capabilities)) };
    const stored = await repository.completeTurn({ conversationId, inboundId: inbound.id, ...output, at: clock() });
    logger.debug({ conversationId, messageId: inbound.id, replies: stored.length }, 'turn answered');
    if (stored.length > 0) events.publish(conversationId, { type: 'messages', messages: stored });
  }
}
