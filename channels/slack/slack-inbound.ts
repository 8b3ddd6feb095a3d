import type { ConversationRecord } from '../../bot/core/conversation-repository.js';
import type { ConversationService, UserInput } from '../../bot/core/conversation-service.js';
import { MesaError } from '../../bot/core/errors.js';
import type { Logger } from '../../bot/logger.js';
import { decideInbound } from './inbound-message.js';
import { slackAddress, type SlackReference } from './slack-address.js';
import type { UserDirectory } from './user-directory.js';

export interface SlackInboundOptions {
  conversations: ConversationService;
  directory: UserDirectory;
  logger: Logger;
}

/** A button press, as the action listener read it from a block_actions payload. */
export interface SlackClick {
  reference: SlackReference;
  user: string;
  actionId: string;
  /** Stable for one press, so a redelivered click is accepted once. */
  clickId: string;
}

/**
 * Slack events into the core: who wrote (with what Slack vouches for), which conversation it belongs to, and
 * the message, stored once per event id so retries and redeliveries never produce a second reply.
 */
export class SlackInbound {
  constructor(private readonly options: SlackInboundOptions) {}

  async onMessage(event: unknown, envelope: { teamId: string; eventId: string; botUserId: string | undefined }): Promise<void> {
    const decision = decideInbound(event, envelope.botUserId);
    if (decision.kind === 'ignore') {
      this.options.logger.debug({ eventId: envelope.eventId, reason: decision.reason }, 'Slack event ignored');
      return;
    }
    const reference: SlackReference = { team: envelope.teamId, channel: decision.channel, ...(decision.threadTs ? { threadTs: decision.threadTs } : {}) };
    const conversation = await this.open(reference, decision.user);
    // A file the bot cannot read is recorded like a message: the core answers it, and a person on the ticket sees it.
    await this.accept(conversation, decision.kind === 'unusable' ? { attachment: decision.file } : { text: decision.text }, envelope.eventId);
  }

  async onClick(click: SlackClick): Promise<void> {
    const conversation = await this.open(click.reference, click.user);
    await this.accept(conversation, { actionId: click.actionId }, `click:${click.clickId}`);
  }

  private async open(reference: SlackReference, user: string): Promise<ConversationRecord> {
    const person = await this.options.directory.lookUp(user);
    return this.options.conversations.open(slackAddress(reference, user), {
      user: {
        externalId: user,
        ...(person.name ? { name: person.name } : {}),
        // The workspace verified this address (users:read.email), so the core may trust it like a sign-in.
        ...(person.email ? { email: person.email, verified: { email: person.email } } : {}),
      },
      ...(person.language ? { locale: person.language } : {}),
    });
  }

  private async accept(conversation: ConversationRecord, input: UserInput, eventId: string): Promise<void> {
    try {
      const stored = await this.options.conversations.acceptOnce(conversation, input, eventId);
      if (!stored) this.options.logger.debug({ eventId }, 'Slack redelivered an event Mesa already has');
    } catch (error) {
      // A button from an old message (or another conversation) is not an error worth more than a note.
      if (error instanceof MesaError && error.code === 'unknown_action') {
        this.options.logger.info({ eventId }, 'a Slack button that this conversation no longer offers was pressed');
        return;
      }
      throw error;
    }
  }
}
