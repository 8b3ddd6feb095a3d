import type { ConversationService } from '../../bot/core/conversation-service.js';
import { CONTROL_CHARACTERS, MAX_TEXT_LENGTH } from '../../bot/core/limits.js';
import type { Translator } from '../../bot/i18n/translator.js';
import type { Logger } from '../../bot/logger.js';
import { matchChoice } from './numbered-choice.js';
import type { OfferedChoices } from './offered-choices.js';
import type { IncomingMessage } from './worker-protocol.js';

/** The channel's name, in conversations and addresses. */
export const WHATSAPP_CHANNEL = 'whatsapp';

export interface InboundHandlerOptions {
  conversations: ConversationService;
  translator: Translator;
  logger: Logger;
  choices: OfferedChoices;
  /** Answers the user directly (media, too long), outside the transcript. */
  reply: (chatId: string, text: string) => Promise<void>;
}

const PRIVATE_CHAT = /^\d{6,15}@(c\.us|lid)$/;

/** Why a message is not for Mesa, or null when it is. */
function skipReason(message: IncomingMessage): string | null {
  if (message.fromMe) return 'sent by this number';
  if (message.isStatus) return 'a status update';
  if (message.chatId.endsWith('@g.us')) return 'a group message';
  if (!PRIVATE_CHAT.test(message.chatId)) return 'not a private chat';
  if (message.edited || message.kind === 'revoked') return 'an edit or a deletion';
  if (!message.phone) return 'the sender\'s number is unknown';
  return null;
}

/**
 * A private chat message → the Mesa conversation of that chat. The phone number is the user's identity; a
 * number (or label) answering the last numbered list becomes that choice; media is recorded and answered by the core.
 */
export function inboundHandler({ conversations, translator, logger, choices, reply }: InboundHandlerOptions): (message: IncomingMessage) => Promise<void> {
  return async (message) => {
    const skipped = skipReason(message);
    if (skipped) {
      logger.debug({ reason: skipped }, 'whatsapp message ignored');
      return;
    }
    const conversation = await conversations.open(
      { channel: WHATSAPP_CHANNEL, key: message.chatId, reference: { chatId: message.chatId } },
      { user: { externalId: message.phone!, ...(message.pushname ? { name: message.pushname } : {}), verified: { phone: `+${message.phone}` } } },
    );
    const t = translator.forLanguage(conversation.state.language);
    const text = message.body.replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), '').trim();
    if (message.kind !== 'chat' || message.hasMedia) {
      // Recorded like a message: the core answers it, and a person handling the ticket sees that it came.
      const stored = await conversations.acceptOnce(conversation, { attachment: { kind: message.kind } }, message.id);
      logger.info({ kind: message.kind, duplicate: stored === null }, 'whatsapp media message recorded: only text is read');
      return;
    }
    if (text.length === 0) return;
    if (text.length > MAX_TEXT_LENGTH) {
      await reply(message.chatId, t('whatsapp:tooLong'));
      return;
    }
    const choice = matchChoice(text, await choices.latest(conversation.id));
    const stored = await conversations.acceptOnce(conversation, choice ? { actionId: choice.id } : { text }, message.id);
    logger.debug({ conversationId: conversation.id, duplicate: stored === null, choice: Boolean(choice) }, 'whatsapp message accepted');
  };
}
