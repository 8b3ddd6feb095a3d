import type { Settings } from 'meilisearch';
import { LANGUAGES, type Language } from '../../bot/core/language.js';
import { SEARCHED_FIELDS } from './search-document.js';
import type { Vocabulary } from './vocabulary.js';

/** ISO 639-3, the codes Meilisearch's tokenizer uses for locales. */
export const LOCALE_OF: Record<Language, string> = { en: 'eng', es: 'spa', pt: 'por', it: 'ita' };

/** The settings of the articles index; the values are measured by test/integration/kb/search-quality.test.ts. */
export function indexSettings(vocabulary: Vocabulary): Settings {
  return {
    searchableAttributes: [...SEARCHED_FIELDS],
    displayedAttributes: ['uid', 'id', 'language', 'title'],
    filterableAttributes: ['language', 'status', 'category'],
    sortableAttributes: [],
    // Terms are looked up one at a time, so what orders one term's matches is spelling, then field; the
    // scoring reads nothing else, and without proximity and exactness each lookup is ~15% cheaper.
    rankingRules: ['words', 'typo', 'attribute'],
    localizedAttributes: LANGUAGES.map((language) => ({ attributePatterns: [`*.${language}`], locales: [LOCALE_OF[language]] })),
    typoTolerance: {
      enabled: true,
      // 1.21 allows one typo from 5 letters; "tems", "emal", "wify" are 4-letter words people mistype too.
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      disableOnAttributes: [],
      disableOnWords: [],
    },
    // Written into the documents instead (synonym-expansion.ts): Meilisearch 1.21 reads this table for every query.
    synonyms: {},
    stopWords: vocabulary.stopWords,
    // People send whole words to a chat bot; "mensa" (canteen) must not match "mensaje" as a prefix.
    prefixSearch: 'disabled',
    proximityPrecision: 'byWord',
    facetSearch: false,
    // A search's total stops counting here (1,000 by default), and the scoring reads totals as how many
    // variants hold a term: past 1,000 variants every common word would look equally common.
    pagination: { maxTotalHits: 100_000 },
  };
}
