import type { Translate, Translator } from '../i18n/translator.js';
import { fitChoices, type ChannelCapabilities } from './channel-capabilities.js';
import type { ConversationEvents } from './conversation-events.js';
import type { ConversationGateway } from './conversation-gateway.js';
import type { ConversationRepository } from './conversation-repository.js';
import type { OutboundMessage, StoredMessage } from './messages.js';
import type { TicketNotice } from './ticket-notice.js';
import type { UserPresence } from './user-presence.js';

export interface DeskGatewayOptions {
  repository: ConversationRepository;
  events: ConversationEvents;
  translator: Translator;
  /** How the bot words a notice (bot/flows/ticket-notices.ts). */
  renderNotice: (notice: TicketNotice, t: Translate) => OutboundMessage;
  clock: () => Date;
  presence: UserPresence;
  /**
   * How long after the user's last message each channel can still reach them; channels not listed cannot.
   * The web chat keeps its transcript, so a user who comes back later still sees and answers what was sent.
   */
  reachFor?: Record<string, number>;
  /** What each channel can show; notices are fitted to it. */
  capabilitiesOf?: (channel: string) => ChannelCapabilities;
}

const TRANSCRIPT_PAGE = 500;

/** The service desk's way into conversations: everything it says is stored in the transcript, then pushed. */
export class DeskGateway implements ConversationGateway {
  constructor(private readonly options: DeskGatewayOptions) {}

  async transcript(conversationId: string): Promise<StoredMessage[]> {
    const all: StoredMessage[] = [];
    for (;;) {
      const page = await this.options.repository.messagesAfter(conversationId, all.at(-1)?.id ?? null, TRANSCRIPT_PAGE);
      all.push(...page);
      if (page.length < TRANSCRIPT_PAGE) return all;
    }
  }

  async postAgentMessage(conversationId: string, text: string, dedupeKey: string | null): Promise<StoredMessage | null> {
    const conversation = await this.options.repository.findConversation(conversationId);
    if (!conversation) return null;
    const stored = await this.append(conversationId, [{ text }], 'agent', conversation.state.language, dedupeKey);
    return stored[0] ?? null;
  }

  async notify(conversationId: string, notice: TicketNotice, dedupeKey: string): Promise<StoredMessage[] | null> {
    const conversation = await this.options.repository.findConversation(conversationId);
    if (!conversation) return null;
    const language = conversation.state.language;
    const rendered = this.options.renderNotice(notice, this.options.translator.forLanguage(language));
    const capabilities = this.options.capabilitiesOf?.(conversation.channel);
    const message = capabilities ? fitChoices(rendered, capabilities) : rendered;
    const stored = await this.append(conversationId, [message], 'bot', language, dedupeKey);
    return stored.length > 0 ? stored : null;
  }

  /**
   * A bot message nobody's turn produced (a password changed on the reset page), worded in the conversation's
   * language and pushed to the user's channel; idempotent per dedupe key.
   */
  async postBotMessage(conversationId: string, build: (t: Translate) => OutboundMessage, dedupeKey: string): Promise<StoredMessage[]> {
    const conversation = await this.options.repository.findConversation(conversationId);
    if (!conversation) return [];
    const language = conversation.state.language;
    return this.append(conversationId, [build(this.options.translator.forLanguage(language))], 'bot', language, dedupeKey);
  }

  typing(conversationId: string, by: 'agent'): void {
    this.options.events.publish(conversationId, { type: 'typing', by });
  }

  subscribe(...args: Parameters<ConversationGateway['subscribe']>): () => void {
    return this.options.events.subscribe(...args);
  }

  lastSeen(conversationId: string): Date {
    return this.options.presence.lastSeenAt(conversationId);
  }

  async reachable(conversationId: string, at: Date): Promise<boolean> {
    const conversation = await this.options.repository.findConversation(conversationId);
    if (!conversation) return false;
    const window = (this.options.reachFor ?? { webchat: Number.POSITIVE_INFINITY })[conversation.channel];
    if (window === undefined) return false;
    if (window === Number.POSITIVE_INFINITY) return true;
    const lastUser = (await this.transcript(conversationId)).findLast((message) => message.role === 'user');
    return lastUser !== undefined && at.getTime() - lastUser.createdAt.getTime() <= window;
  }

  private async append(conversationId: string, messages: OutboundMessage[], role: 'agent' | 'bot', locale: StoredMessage['locale'], dedupeKey: string | null): Promise<StoredMessage[]> {
    const stored = await this.options.repository.appendMessages({
      conversationId,
      replies: messages.map((message) => ({ ...message, role, locale })),
      dedupeKey,
      at: this.options.clock(),
    });
    if (stored.length === 0) return stored;
    // Committed is crash-safe already, so the user sees it at once; the caller (an analyst's 201, a notice marked
    // delivered) still waits until it would also survive a power cut.
    this.options.events.publish(conversationId, { type: 'messages', messages: stored });
    await this.options.repository.durable();
    return stored;
  }
}
