import type { Translate } from '../../bot/i18n/translator.js';
import type { Action, StoredMessage } from '../../bot/core/messages.js';
import { escapeMrkdwn, splitText } from './mrkdwn.js';

/** A Block Kit block, as chat.postMessage takes it. */
export type Block = Record<string, unknown>;

/** What chat.postMessage gets for one Mesa message. */
export interface SlackMessage {
  /** The plain fallback for notifications and clients that cannot show blocks. */
  text: string;
  blocks: Block[];
  /** Message metadata: which ticket the message is about, for workflows (and tests) that read it. */
  metadata?: { event_type: string; event_payload: Record<string, string> };
}

/** Buttons' action ids start with this; the button's value is the Mesa action id. */
export const ACTION_PREFIX = 'mesa:';

// Slack's limits: section text 3,000 characters, 25 elements per actions block, button text 75 characters.
const SECTION_LIMIT = 3000;
const BUTTONS_PER_BLOCK = 25;
const BUTTON_TEXT_LIMIT = 75;
const MAX_BLOCKS = 50;

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });

function buttonText(label: string): string {
  return label.length <= BUTTON_TEXT_LIMIT ? label : `${label.slice(0, BUTTON_TEXT_LIMIT - 1)}…`;
}

function actionBlocks(actions: Action[]): Block[] {
  const blocks: Block[] = [];
  for (let start = 0; start < actions.length; start += BUTTONS_PER_BLOCK) {
    blocks.push({
      type: 'actions',
      elements: actions.slice(start, start + BUTTONS_PER_BLOCK).map((action, offset) => ({
        type: 'button',
        // Unique within the message; the value carries the id Mesa offered.
        action_id: `${ACTION_PREFIX}${start + offset + 1}`,
        text: { type: 'plain_text', text: buttonText(action.label), emoji: true },
        value: action.id,
      })),
    });
  }
  return blocks;
}

function statusText(t: Translate, status: string): string {
  const key = `bot:ticket.status.${status}`;
  const text = t(key);
  return text === key || text === `ticket.status.${status}` ? status : text;
}

/**
 * Renders a channel-neutral message as Block Kit: the text as mrkdwn sections, offered articles by title,
 * the ticket as fields, and the choices as buttons.
 */
export function renderBlocks(message: StoredMessage, t: Translate): SlackMessage {
  const blocks: Block[] = splitText(escapeMrkdwn(message.text), SECTION_LIMIT).map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
  if (message.articles && message.articles.length > 0) {
    blocks.push({ type: 'context', elements: [mrkdwn(`${t('slack:articles')} ${message.articles.map((article) => `_${escapeMrkdwn(article.title)}_`).join(' · ')}`)] });
  }
  if (message.ticket) {
    blocks.push({
      type: 'section',
      fields: [mrkdwn(`*${t('slack:ticket')}*\n${escapeMrkdwn(message.ticket.number)}`), mrkdwn(`*${t('slack:status')}*\n${escapeMrkdwn(statusText(t, message.ticket.status))}`)],
    });
  }
  blocks.push(...actionBlocks(message.actions ?? []));
  return {
    text: escapeMrkdwn(message.text),
    blocks: blocks.slice(0, MAX_BLOCKS),
    ...(message.ticket ? { metadata: { event_type: 'mesa_ticket', event_payload: { number: message.ticket.number, status: message.ticket.status } } } : {}),
  };
}
