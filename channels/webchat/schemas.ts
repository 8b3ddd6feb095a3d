import { z } from 'zod';
import { CONTROL_CHARACTERS, LONE_SURROGATE, MAX_TEXT_LENGTH, ONLY_INVISIBLE } from '../../bot/core/limits.js';
import { LANGUAGES } from '../../bot/core/language.js';
import { MesaError } from '../../bot/core/errors.js';
import type { CreateSessionJson, PostMessageJson } from './wire.js';

// A user id with a lone surrogate is stored as another id than the one looked up again (SQLite writes U+FFFD).
const unicodeText = (max: number) => z.string().trim().min(1).max(max).refine((value) => !LONE_SURROGATE.test(value), 'must be valid Unicode text');

export const createSessionBody = z
  .object({
    locale: z.enum(LANGUAGES).optional(),
    user: z
      .object({
        id: unicodeText(200).optional(),
        name: unicodeText(200).optional(),
        email: z.string().trim().email().max(320).refine((value) => !LONE_SURROGATE.test(value), 'must be valid Unicode text').optional(),
      })
      .strict()
      .optional(),
  })
  .strict() satisfies z.ZodType<CreateSessionJson>;

const actionBody = z.object({ action: z.object({ id: z.string().min(1).max(200) }).strict() }).strict();
const textBody = z.object({ text: z.string() }).strict();

/** Checks a message body; text problems get their own codes so the widget can tell the user what to fix. */
export function parsePostMessageBody(body: unknown): PostMessageJson {
  const action = actionBody.safeParse(body);
  if (action.success) return action.data;
  const text = textBody.safeParse(body);
  if (!text.success) throw new MesaError('invalid_request', 'Send either {"text": "..."} or {"action": {"id": "..."}}.');
  const trimmed = text.data.text.trim();
  if (LONE_SURROGATE.test(trimmed)) throw new MesaError('invalid_request', 'The text is not valid Unicode.', { params: { details: 'text: must be valid Unicode text' } });
  if (trimmed.length === 0) throw new MesaError('empty_text', 'The message is empty.');
  if (trimmed.length > MAX_TEXT_LENGTH) throw new MesaError('text_too_long', 'The message is too long.', { params: { max: MAX_TEXT_LENGTH, length: trimmed.length } });
  if (CONTROL_CHARACTERS.test(trimmed)) throw new MesaError('control_characters', 'The message contains control characters.');
  if (ONLY_INVISIBLE.test(trimmed)) throw new MesaError('invisible_text', 'The message is made only of invisible characters.');
  return { text: trimmed };
}

export const messagesQuery = z.object({
  after: z.string().regex(/^\d{1,15}$/).optional(),
  waitMs: z.coerce.number().int().min(0).max(30_000).default(0),
});

export const streamQuery = z.object({
  after: z.string().regex(/^\d{1,15}$/).optional(),
});
