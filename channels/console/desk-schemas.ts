import { z } from 'zod';
import { MesaError } from '../../bot/core/errors.js';
import { LANGUAGES } from '../../bot/core/language.js';
import { CONTROL_CHARACTERS, MAX_TEXT_LENGTH } from '../../bot/core/limits.js';
import { parseWith } from '../http/parse-with.js';

/** Ticket numbers look like SD-000123; anything else cannot name a ticket, so it is a 404 like an unknown one. */
const TICKET_NUMBER = /^[A-Za-z]{1,10}-\d{1,12}$/;

export function ticketNumberOf(raw: unknown): string {
  const number = typeof raw === 'string' ? raw.toUpperCase() : '';
  if (!TICKET_NUMBER.test(number)) throw new MesaError('ticket_not_found', 'No such ticket.', { params: { number: String(raw ?? '').slice(0, 40) } });
  return number;
}

/** Queue, complaint and analyst ids: short, printable, no path tricks. */
const id = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_.:-]+$/, 'must be letters, digits, dots, colons, dashes or underscores');
const reason = z.string().trim().min(1, 'must say why').max(1000);

export const ticketListQuery = z.object({
  scope: z.enum(['queue', 'mine', 'all']).default('all'),
  queue: id.optional(),
  closed: z.enum(['0', '1']).optional(),
});

export const transferBody = z.object({ queueId: id, reason });
export const escalateBody = z.object({ reason });
export const resolveBody = z.object({ resolution: z.string().trim().min(1, 'must describe what fixed it').max(MAX_TEXT_LENGTH) });
export const closeBody = z.object({ reason: z.enum(['duplicate', 'spam'], 'must be "duplicate" or "spam"') });
export const complaintStatusBody = z.object({ status: z.enum(['open', 'in_review', 'closed']) });
export const complaintParams = z.object({ id });
export const analystParams = z.object({ id });

export const profileBody = z.object({
  languages: z.array(z.enum(LANGUAGES)).min(1, 'must list at least one language').max(LANGUAGES.length),
  categories: z.array(z.string().trim().min(1).max(80)).min(1, "must list at least one category ('*' for any)").max(100),
  capacity: z.number().int().min(1).max(50),
});

const textBody = z.object({ text: z.string() });

/**
 * Replies and notes: the same rules as a user's chat message, with the same codes, so the console
 * can say exactly what is wrong (empty, too long by how much, invisible characters).
 */
export function parseDeskText(body: unknown): string {
  const { text } = parseWith(textBody, body, 'request body');
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new MesaError('empty_text', 'The message is empty.');
  if (trimmed.length > MAX_TEXT_LENGTH) throw new MesaError('text_too_long', 'The message is too long.', { params: { max: MAX_TEXT_LENGTH, length: trimmed.length } });
  if (CONTROL_CHARACTERS.test(trimmed)) throw new MesaError('control_characters', 'The message contains control characters.');
  return trimmed;
}
