import type { Activity, Attachment } from 'botbuilder';
import { isLanguage } from '../../bot/core/language.js';
import type { StoredMessage } from '../../bot/core/messages.js';
import type { Translator } from '../../bot/i18n/translator.js';

/** The Adaptive Card schema version Teams renders on desktop, web and mobile alike. */
export const CARD_VERSION = '1.4';

/** The data a card's submit button carries back, so Mesa knows which of its actions was taken. */
export interface MesaSubmitData {
  mesaAction: string;
}

/**
 * A transcript entry as a Teams activity: plain (Markdown) text when there is nothing to press or show, an
 * Adaptive Card otherwise: the text, the ticket as facts, articles as a list, one submit button per action.
 */
export function messageActivity(message: StoredMessage, translator: Translator): Partial<Activity> {
  const hasCard = Boolean(message.actions?.length || message.ticket || message.articles?.length);
  if (!hasCard) return { type: 'message', text: message.text, textFormat: 'markdown' };
  return { type: 'message', summary: message.text.slice(0, 200), attachments: [adaptiveCard(message, translator)] };
}

function adaptiveCard(message: StoredMessage, translator: Translator): Attachment {
  const t = translator.forLanguage(isLanguage(message.locale) ? message.locale : 'en');
  const body: unknown[] = [{ type: 'TextBlock', text: message.text, wrap: true }];
  if (message.ticket) {
    const key = `ticket.status.${message.ticket.status}`;
    const label = t(`bot:${key}`);
    // A status the bot has no words for yet is shown as it is stored rather than as an i18n key.
    const status = label === key || label === `bot:${key}` ? message.ticket.status : label;
    body.push({
      type: 'FactSet',
      id: 'mesa-ticket',
      facts: [
        { title: t('teams:card.ticket'), value: message.ticket.number },
        { title: t('teams:card.status'), value: status },
      ],
    });
  }
  // Offered articles come with a button each; a bare list only for articles nothing can be pressed for.
  if (message.articles?.length && !message.actions?.length) {
    body.push({ type: 'TextBlock', text: t('teams:card.articles'), weight: 'Bolder', wrap: true, spacing: 'Medium' });
    for (const article of message.articles) body.push({ type: 'TextBlock', text: `- ${article.title}`, wrap: true, spacing: 'None' });
  }
  const actions = (message.actions ?? []).map((action) => ({ type: 'Action.Submit', title: action.label, data: { mesaAction: action.id } satisfies MesaSubmitData }));
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: CARD_VERSION, body, ...(actions.length ? { actions } : {}) },
  };
}
