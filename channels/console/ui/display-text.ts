/*
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) in text someone else wrote
 * can make it read differently from what it is ("invoice‮fdp.exe") and leak their reordering into the
 * console around it. They are dropped on display; the text itself is kept as sent.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** The text as the console shows it: without bidi controls. */
export function displayText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
