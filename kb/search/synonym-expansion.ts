import { foldedWords } from './query-terms.js';
import type { Vocabulary } from './vocabulary.js';

/** The synonyms of the vocabulary terms a text contains, as text for the index: "portátil" → "laptop. notebook. pc…". */
export type SynonymExpander = (text: string) => string;

/**
 * Synonyms written into the documents instead of Meilisearch's `synonyms` setting. Meilisearch 1.21 reads
 * the whole synonym table for every query that has words (~0.75 ms with Mesa's ~600 terms), and search
 * asks one query per term, so the table cost a third of a search. Written into a document, "laptop" next
 * to "portátil" matches the same queries at no cost per query; a misspelt query word now also reaches the
 * synonyms ("notebok" finds "portátil"), which Meilisearch's synonyms never did. Every phrase of the text is
 * looked up, stop words included: a query for "inbox" used to match "caixa de entrada" too. (Meilisearch's
 * advice for 1.21, meilisearch/meilisearch#5639; later versions load synonyms lazily, #6466.)
 */
export function createSynonymExpander(vocabulary: Vocabulary): SynonymExpander {
  const mates = new Map<string, string[]>();
  let longest = 1;
  for (const [term, others] of Object.entries(vocabulary.synonyms)) {
    const key = foldedWords(term).join(' ');
    if (key === '') continue;
    longest = Math.max(longest, key.split(' ').length);
    const known = new Set(mates.get(key));
    for (const other of others) known.add(foldedWords(other).join(' '));
    known.delete(key);
    known.delete('');
    mates.set(key, [...known]);
  }
  return (text) => {
    const found = new Set<string>();
    // A phrase does not run across the end of a sentence, a step or a tag.
    for (const sentence of text.split(/[.!?;:\n]+/)) {
      const words = foldedWords(sentence);
      for (let start = 0; start < words.length; start += 1) {
        for (let length = Math.min(longest, words.length - start); length >= 1; length -= 1) {
          for (const mate of mates.get(words.slice(start, start + length).join(' ')) ?? []) found.add(mate);
        }
      }
    }
    // A full stop between synonyms keeps one synonym's last word and the next one's first from reading as a phrase.
    return [...found].join('. ');
  };
}
