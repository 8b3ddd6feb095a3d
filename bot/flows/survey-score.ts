import { plainText } from './plain-text.js';

export type TypedScore = { kind: 'score'; score: number } | { kind: 'out_of_range' };

// Numbers written as words in the four languages; a survey answer is rarely more than one word.
const NUMBER_WORDS: Record<string, number> = {
  zero: 0, cero: 0,
  one: 1, uno: 1, una: 1, um: 1, uma: 1,
  two: 2, dos: 2, dois: 2, duas: 2, due: 2,
  three: 3, tres: 3, tre: 3,
  four: 4, cuatro: 4, quatro: 4, quattro: 4,
  five: 5, cinco: 5, cinque: 5,
};
const UNIT = '(?: (?:stars?|estrellas?|estrelas?|stelle|stella|points?|puntos?|pontos?|punti))?';
const OUT_OF_FIVE = '(?: (?:out of|of|de|em|su|sobre) 5| 5)?';
const TYPED = new RegExp(`^([a-z]+|\\d{1,2})${UNIT}${OUT_OF_FIVE}$`);
const HIGHEST_READ_AS_SCORE = 10;

/**
 * Reads a survey answer typed instead of pressed: "4", "4 stars", "4/5", "cuatro". Numbers up to 10 that are
 * not 1–5 are attempts to answer (the user gets the scale again); anything else is not an answer at all.
 */
export function parseTypedScore(text: string): TypedScore | null {
  const match = TYPED.exec(plainText(text));
  if (!match) return null;
  const word = match[1]!;
  const score = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
  if (score === undefined || score > HIGHEST_READ_AS_SCORE) return null;
  return score >= 1 && score <= 5 ? { kind: 'score', score } : { kind: 'out_of_range' };
}
