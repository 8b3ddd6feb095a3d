import type { StoredMessage } from '../../bot/core/messages.js';
import type { Translate } from '../../bot/i18n/translator.js';

function ticketLine(ticket: NonNullable<StoredMessage['ticket']>, t: Translate): string {
  const key = `bot:ticket.status.${ticket.status}`;
  const status = t(key);
  return t('whatsapp:ticket', { number: ticket.number, status: status === key ? ticket.status : status });
}

/**
 * One transcript entry as one WhatsApp text: the text, the ticket it is about, the articles it offers (unless a
 * choice already names them), then the choices as a numbered list the user answers by number. WhatsApp shows
 * `*bold*` and `_italic_` but no buttons for an unofficial client.
 */
export function renderWhatsappMessage(message: StoredMessage, t: Translate): string {
  const blocks = [message.text.trim()];
  if (message.ticket) blocks.push(ticketLine(message.ticket, t));
  const actions = message.actions ?? [];
  const articles = (message.articles ?? []).filter((article) => !actions.some((action) => action.label.includes(article.title)));
  if (articles.length > 0) blocks.push(articles.map((article) => t('whatsapp:article', { title: article.title })).join('\n'));
  if (actions.length > 0) blocks.push([...actions.map((action, index) => `${index + 1}. ${action.label}`), t('whatsapp:choiceHint')].join('\n'));
  return blocks.filter((block) => block.length > 0).join('\n\n');
}
