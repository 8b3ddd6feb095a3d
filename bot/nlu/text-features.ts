import { stripAccents } from '../core/text-folding.js';
import { shrinkElongations } from './prepare-text.js';

// Apostrophes stay inside words: Italian elides at the front ("l'account", "c'è", "d'accordo"),
// English contracts at the back ("don't", "i'm"), and split apart both leave one-letter noise.
const WORD = /\p{L}+(?:'\p{L}+)*/gu;

/** Lower-cased words of a text; digits, punctuation and emoji carry no language signal. */
export function wordsOf(text: string): string[] {
  return shrinkElongations(text.toLowerCase().normalize('NFC').replace(/[’`´]/g, "'")).match(WORD) ?? [];
}

// Punctuation a word may carry at its ends in prose: "hola,", "(urgent)", "¿sí?", "«ciao»".
const PROSE_EDGES = /^[\s"'“”‘’«»¿¡(]+|[\s"'“”‘’«».,;:!?)…]+$/gu;
// Inside a token, any of these makes it code, a path or markup rather than a word of a language.
const CODE_MARKS = /[{}[\]()<>=$#%;|\\/_*@^~`+&]|\p{L}[.:]\p{L}|^-/u;

/**
 * The text without its code-like tokens ("{{constructor.constructor}}", "/etc/passwd", "__init__",
 * "popen(\"id\")"): letters in them belong to no language, yet their letter patterns look like one.
 */
export function proseOf(text: string): string {
  return text
    .split(/\s+/)
    .filter((token) => !CODE_MARKS.test(token.replace(PROSE_EDGES, '')))
    .join(' ');
}

/** Strips accents: people often type "nao", "espanol" or "perche" on the go. */
export const foldAccents = stripAccents;

const NGRAM_SIZES = [1, 2, 3, 4];

/**
 * Character n-grams of one word, padded so prefixes and suffixes ("-ção", "-zione", "-ción")
 * count apart from the same letters mid-word. Computed on the folded word, so a missing accent
 * still matches; the accented letters themselves come back from accentMarks().
 */
export function charNgrams(foldedWord: string): string[] {
  const padded = ` ${foldedWord} `;
  const grams: string[] = [];
  for (const size of NGRAM_SIZES) {
    for (let start = 0; start + size <= padded.length; start += 1) {
      const gram = padded.slice(start, start + size);
      if (gram !== ' ') grams.push(gram);
    }
  }
  return grams;
}

/** The non-ASCII letters of a word: "ã", "ç", "ñ" and "è" each point strongly to one language. */
export function accentMarks(word: string): string[] {
  return [...word].filter((char) => char > '\u007f');
}
