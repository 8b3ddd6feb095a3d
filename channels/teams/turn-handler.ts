import { TurnContext } from 'botbuilder';
import type { ConversationService, UserInput } from '../../bot/core/conversation-service.js';
import { MesaError } from '../../bot/core/errors.js';
import { CONTROL_CHARACTERS, MAX_TEXT_LENGTH } from '../../bot/core/limits.js';
import type { Translator } from '../../bot/i18n/translator.js';
import type { Logger } from '../../bot/logger.js';
import { eventKey } from './event-key.js';
import { cardPress, userAttachments, type InboundActivity } from './inbound-activity.js';
import { isAddressedToBot, withoutMentions } from './mentions.js';
import type { RosterLookup } from './roster-lookup.js';
import { activityLanguage, teamsUser } from './teams-user.js';

export interface TurnHandlerOptions {
  channel: string;
  conversations: ConversationService;
  translator: Translator;
  logger: Logger;
  roster: RosterLookup;
}

/**
 * What Mesa does with one authenticated activity, inside the SDK's turn: a message (or a card press) is stored
 * once and its turn scheduled; the bot's answer goes out later through `deliver`, so the HTTP answer never
 * waits for it. Everything else Teams sends (roster updates, reactions, edits, deletes, typing) is ignored.
 */
export function turnHandler(options: TurnHandlerOptions): (context: TurnContext, activity: InboundActivity) => Promise<void> {
  const { channel, conversations, translator, logger, roster } = options;
  return async (context, activity) => {
    if (activity.type !== 'message') return;
    const input = inputOf(activity);
    // A press on Mesa's own card is for Mesa even in a group chat, where it comes without an @mention.
    if (!(input && 'actionId' in input) && !isAddressedToBot(activity)) return;
    const language = activityLanguage(activity);
    const t = translator.forLanguage(language ?? 'en');
    if (!input) return;
    // Teams would redeliver a message it got an error for, so an over-long one is answered, not refused.
    if ('text' in input && input.text.length > MAX_TEXT_LENGTH) {
      await context.sendActivity(t('teams:text.too_long', { max: MAX_TEXT_LENGTH }));
      return;
    }
    const reference = TurnContext.getConversationReference(context.activity);
    const user = await teamsUser(context, activity, roster, logger);
    const conversation = await conversations.open({ channel, key: activity.conversation.id, reference }, { user, ...(language ? { locale: language } : {}) });
    const key = eventKey(activity, 'actionId' in input ? `action:${input.actionId}` : 'attachment' in input ? `attachment:${input.attachment.kind}:${input.attachment.name ?? ''}` : `text:${input.text}`);
    try {
      if (key) await conversations.acceptOnce(conversation, input, key);
      else await conversations.accept(conversation, input);
    } catch (error) {
      // A press on a card from a flow that has moved on: tell the user, in the conversation's language.
      if (error instanceof MesaError && error.code === 'unknown_action') {
        await context.sendActivity(translator.forLanguage(conversation.state.language)('teams:action.expired'));
        return;
      }
      throw error;
    }
  };
}

/** A card press, words, or (when there are no words) a file the bot cannot read: the core answers and records it. */
function inputOf(activity: InboundActivity): UserInput | null {
  const press = cardPress.safeParse(activity.value);
  if (press.success) return { actionId: press.data.mesaAction };
  const text = withoutMentions((activity.text ?? '').replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), ''));
  if (text) return { text };
  const [file] = userAttachments(activity);
  return file ? { attachment: { kind: file.contentType, ...(file.name ? { name: file.name } : {}) } } : null;
}
