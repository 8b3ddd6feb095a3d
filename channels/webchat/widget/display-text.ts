// Bidi embeddings, overrides and isolates in text from others (an analyst, an article title, a user's own
// paste) could make it read as something else or reorder the widget around it: dropped on display.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** The text as the widget shows it: without bidi controls. */
export const shown = (text: string): string => text.replace(BIDI_CONTROLS, '');
