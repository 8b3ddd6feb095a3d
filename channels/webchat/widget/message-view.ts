// Message rendering: textContent only, message data is never parsed as HTML.
import type { MessageJson, MessageRoleJson } from '../wire.js';
import { shown } from './display-text.js';
import { el, i18nAttr, i18nText } from './dom.js';
import { ICONS, icon } from './icons.js';
import { LANGS, type Lang } from './widget-config.js';

/** A message's button was pressed. */
export type OnAction = (id: string, button: HTMLButtonElement) => void;

const SENDER_KEYS: Record<MessageRoleJson, string> = { user: 'youLabel', bot: 'botLabel', agent: 'agentLabel', system: 'systemLabel' };

/** One message of the log, its strings still to be applied. */
export function renderMessage(message: MessageJson, onAction: OnAction): HTMLElement {
  const item = el('div', `msg msg-${message.role}`, { 'data-id': message.id, 'data-role': message.role });
  if (LANGS.includes(message.locale as Lang)) item.lang = message.locale;
  // Only a person's messages need a visible sender; the others get one for screen readers.
  item.append(i18nText(el('span', message.role === 'agent' ? 'sender' : 'sender sr-only'), SENDER_KEYS[message.role]));
  if (message.text) item.append(renderBubble(message));
  if (message.articles?.length) item.append(renderArticles(message.articles));
  if (message.ticket) item.append(renderTicket(message.ticket));
  if (message.actions?.length) item.append(renderActions(message.actions, onAction));
  return item;
}

function renderBubble(message: MessageJson): HTMLElement {
  const bubble = el('div', 'bubble');
  bubble.textContent = shown(message.text);
  const sent = new Date(message.createdAt);
  if (!Number.isNaN(sent.getTime())) bubble.title = sent.toLocaleString();
  return bubble;
}

function renderArticles(articles: NonNullable<MessageJson['articles']>): HTMLElement {
  const list = i18nAttr(el('ul', 'articles'), 'aria-label', 'articlesLabel');
  for (const article of articles) {
    const card = el('li', 'article', { 'data-article-id': article.id });
    const title = el('span', 'article-title');
    title.textContent = shown(article.title);
    card.append(icon(ICONS.doc), title);
    list.append(card);
  }
  return list;
}

function renderTicket(ticket: NonNullable<MessageJson['ticket']>): HTMLElement {
  const badge = el('p', 'ticket');
  const number = el('strong', 'ticket-number');
  number.textContent = shown(ticket.number);
  const status = el('span', 'ticket-status');
  status.textContent = shown(ticket.status);
  badge.append(i18nText(el('span', 'ticket-label'), 'ticketLabel'), number, status);
  return badge;
}

function renderActions(actions: NonNullable<MessageJson['actions']>, onAction: OnAction): HTMLElement {
  const group = i18nAttr(el('div', 'actions', { role: 'group' }), 'aria-label', 'actionsLabel');
  for (const action of actions) {
    const button = el('button', 'action', { type: 'button', 'data-action-id': action.id });
    button.textContent = shown(action.label);
    button.addEventListener('click', () => onAction(action.id, button));
    group.append(button);
  }
  return group;
}
