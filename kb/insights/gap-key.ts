import { foldedPhrase } from '../../bot/core/text-folding.js';

/** Short function words that make two phrasings of one question look different. */
const FILLER = new Set(
  'the a an my is not no doesnt dont cant it i to of on in and or with el la los las mi mis no se me de del en y o con que un una o a os as meu minha nao em e do da com um uma il lo gli le mio mia non di del della e o con che un una'.split(' '),
);

/** Groups questions that use the same meaningful words, whatever the order, case or accents. */
export function gapKey(query: string): string {
  const words = foldedPhrase(query)
    .split(' ')
    .filter((word) => word.length > 1 && !FILLER.has(word));
  return [...new Set(words)].sort().join(' ') || query.trim().toLowerCase();
}
