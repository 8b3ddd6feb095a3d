// Past this, extra text rarely changes the intent but still costs time (the entity matcher is quadratic).
const MAX_TEXT_LENGTH = 1000;

// Mesa's ticket numbers look like SD-000123; people also type "sd 123" or "SD123".
const TICKET_NUMBER = /\bsd[-\s]?\d+\b/gi;
// A single letters-only token, so no tokenizer splits it and the number rule below leaves it alone.
const CANONICAL_TICKET = 'sdticket';
const OTHER_NUMBER = /\d+/g;
const ELONGATION = /(\p{L})\1{2,}/gu;

/**
 * Normalises a message the same way for training and classification, so that details that never
 * change the intent do not make the text look unknown to the classifier:
 * - every ticket number becomes one token, so "SD-001111" reads like the "SD-000123" seen in training;
 * - other numbers ("error 809", "5 desks") become "0";
 * - stretched letters ("heyyy", "graciaaas", "valeuuu") shrink to one.
 */
export function prepareText(text: string): string {
  return text
    .trim()
    .slice(0, MAX_TEXT_LENGTH)
    .replace(TICKET_NUMBER, CANONICAL_TICKET)
    .replace(OTHER_NUMBER, '0')
    .replace(ELONGATION, '$1');
}

/** "holaaaa" → "hola": people stretch words for emphasis; the stretch says nothing about meaning or language. */
export function shrinkElongations(text: string): string {
  return text.replace(ELONGATION, '$1');
}
