import { MesaError } from '../../bot/core/errors.js';

/** Longest reply, note, reason or resolution an analyst may write in one go. */
export const MAX_TEXT = 4000;

/** The text trimmed, or the error the analyst should see for an empty or oversized one. */
export function checkedText(text: string, max = MAX_TEXT): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new MesaError('empty_text', 'The text is empty.');
  if (trimmed.length > max) throw new MesaError('text_too_long', `The text has ${trimmed.length} characters; the limit is ${max}.`, { params: { length: trimmed.length, max } });
  return trimmed;
}
