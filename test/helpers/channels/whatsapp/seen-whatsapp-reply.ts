import type { SeenReply } from '../channel-harness.js';

/** A WhatsApp text as the user reads it: the message, its ticket line, the numbered choices (labels only). */
export interface ReadWhatsappText {
  text: string;
  labels: string[];
  ticket?: { number: string; status: string };
}

const CHOICE = /^(\d+)\. (.+)$/;

/** Reads back what renderWhatsappMessage drew: the blocks at the end (choices + hint, articles, ticket) come off first. */
export function readWhatsappText(sent: string): ReadWhatsappText {
  const blocks = sent.split('\n\n');
  const read: ReadWhatsappText = { text: '', labels: [] };
  const last = blocks.at(-1)?.split('\n') ?? [];
  const hint = last.at(-1) ?? '';
  if (last.length > 1 && /^_.+_$/.test(hint) && last.slice(0, -1).every((line, index) => CHOICE.exec(line)?.[1] === String(index + 1))) {
    read.labels = last.slice(0, -1).map((line) => CHOICE.exec(line)![2]!);
    blocks.pop();
  }
  if (blocks.at(-1)?.split('\n').every((line) => line.startsWith('📄 '))) blocks.pop();
  const ticket = /^🎫 \*([^*]+)\* · (.+)$/.exec(blocks.at(-1) ?? '');
  if (ticket && blocks.length > 1) {
    read.ticket = { number: ticket[1]!, status: ticket[2]! };
    blocks.pop();
  }
  read.text = blocks.join('\n\n');
  return read;
}

/** Pairs the labels the user read with the ids Mesa offered them under (the user only ever types numbers). */
export function toSeenReply(read: ReadWhatsappText, offered: Array<{ id: string; label: string }>): SeenReply {
  const choices = read.labels.map((label) => {
    const action = offered.find((candidate) => candidate.label === label);
    if (!action) throw new Error(`"${label}" was listed but never offered`);
    return action;
  });
  return { text: read.text, choices, ...(read.ticket ? { ticket: read.ticket } : {}) };
}
