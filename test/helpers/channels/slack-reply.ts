import type { SeenReply } from './channel-harness.js';
import type { PostedMessage } from './fake-slack-api.js';

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

const unescape = (text: string): string => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** The buttons of a posted message, in order, with the actions block they sit in. */
export function buttonsOf(post: PostedMessage): Array<Button & { blockId?: string }> {
  return post.blocks
    .filter((block) => block.type === 'actions')
    .flatMap((block) => (block.elements as Button[]).map((button) => ({ ...button, ...(typeof block.block_id === 'string' ? { blockId: block.block_id } : {}) })));
}

/**
 * What a Slack user sees in a posted message: the text sections, the buttons, and the ticket shown in the
 * fields (its status read from the message metadata, since the fields show it in words).
 */
export function seenReplyOf(post: PostedMessage): SeenReply {
  const sections = post.blocks.filter((block) => block.type === 'section' && typeof (block.text as { text?: string } | undefined)?.text === 'string');
  const text = sections.map((block) => unescape((block.text as { text: string }).text)).join('\n');
  const ticket = post.metadata?.event_type === 'mesa_ticket' ? post.metadata.event_payload : undefined;
  if (ticket) {
    const fields = post.blocks.flatMap((block) => (Array.isArray(block.fields) ? (block.fields as Array<{ text: string }>) : []));
    if (!fields.some((field) => field.text.includes(ticket.number!))) throw new Error(`the ticket ${ticket.number} is in the metadata but not shown: ${JSON.stringify(post.blocks)}`);
  }
  return {
    text,
    choices: buttonsOf(post).map((button) => ({ id: button.value, label: button.text.text })),
    ...(ticket ? { ticket: { number: ticket.number!, status: ticket.status! } } : {}),
  };
}
