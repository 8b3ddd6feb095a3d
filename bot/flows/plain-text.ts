import { foldedPhrase } from '../core/text-folding.js';

/** Lower case, no accents, no punctuation, single spaces, apostrophes closed up ("don't" = "dont"). */
export function plainText(text: string): string {
  return foldedPhrase(text.replace(/['’`]/g, ''));
}
