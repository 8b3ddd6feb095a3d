import type { Vocabulary } from './vocabulary.js';

import { foldCase } from '../../bot/core/text-folding.js';

/** Lower case without accents: how Meilisearch compares words, so "Contraseña" and "contrasena" are one term. */
export const fold = foldCase;

/** The words of `text` as the index compares them. */
export function foldedWords(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Splits a query into the terms worth looking up one by one, the way the index reads them. */
export type TermExtractor = (query: string) => string[];

const LONGEST_PHRASE = 4;

/**
 * Terms are the query's words minus stop words, except that a phrase the vocabulary knows ("wi-fi",
 * "sin cables", "rede sem fio") stays one term: looked up alone, its words would miss the phrase's synonyms.
 * Duplicates are dropped and at most `maxTerms` kept: the first ones, where people say what is wrong.
 */
export function createTermExtractor(vocabulary: Vocabulary, maxTerms = 12): TermExtractor {
  const stopWords = new Set(vocabulary.stopWords.map(fold));
  const phrases = new Set<string>();
  for (const [term, others] of Object.entries(vocabulary.synonyms)) {
    for (const candidate of [term, ...others]) {
      const parts = foldedWords(candidate);
      // Meilisearch drops stop words from a query before it applies synonyms, so "turn on" never matches as
      // a phrase; its words go on their own instead.
      if (parts.length > 1 && parts.length <= LONGEST_PHRASE && !parts.some((part) => stopWords.has(part))) phrases.add(parts.join(' '));
    }
  }
  return (query) => {
    const tokens = foldedWords(query);
    const terms: string[] = [];
    for (let i = 0; i < tokens.length && terms.length < maxTerms; ) {
      let length = Math.min(LONGEST_PHRASE, tokens.length - i);
      while (length > 1 && !phrases.has(tokens.slice(i, i + length).join(' '))) length -= 1;
      const term = tokens.slice(i, i + length).join(' ');
      i += length;
      if (length === 1 && stopWords.has(term)) continue;
      if (!terms.includes(term)) terms.push(term);
    }
    return terms;
  };
}
