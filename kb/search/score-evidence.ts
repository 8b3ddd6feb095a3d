import type { Language } from '../../bot/core/language.js';
import type { MatchedField, QueryEvidence } from './article-index.js';

/** How evidence turns into a ranking and a confidence; measured by test/integration/kb/search-quality.test.ts. */
export interface ScoringTuning {
  /** What a matched term is worth, by where it matched: a title match says more than a word in the steps. */
  fieldCredit: Record<MatchedField, number>;
  /** Share of that kept by a match that needed a typo: "recipe" is also one typo from "receive". */
  typoCredit: number;
  /** Weight of a word no article contains, relative to the rarest known word: what the KB cannot explain. */
  unknownWeight: number;
  /** 1 divides by the whole query's weight; less lets a long, chatty message need a smaller share explained. */
  lengthExponent: number;
}

/** One variant with how well it matches the query. */
export interface ScoredVariant {
  id: string;
  language: Language;
  title: string;
  /** Share of the query's known-term weight this variant matched (0..1): ranks variants. */
  relevance: number;
  /** Matched weight against everything the query says, unknown words included: decides if it is an answer at all. */
  confidence: number;
}

// BM25's inverse document frequency: a term in few variants says a lot, one in most says little.
function idf(documents: number, total: number): number {
  return Math.log(1 + (total - documents + 0.5) / (documents + 0.5));
}

/**
 * Scores each variant by the terms it matched, each weighted by its rarity and by where and how exactly it
 * matched (a lexical BM25 without term frequency: Meilisearch decides what matches, typos and synonyms
 * included; this decides how much each match counts). Best first.
 */
export function scoreEvidence(evidence: QueryEvidence, tuning: ScoringTuning): ScoredVariant[] {
  const total = Math.max(evidence.documents, 1);
  const rarest = idf(1, total);
  const matched = new Map<string, { id: string; language: Language; title: string; weight: number }>();
  let knownWeight = 0;
  let queryWeight = 0;
  for (const term of evidence.terms) {
    const weight = term.documents > 0 ? idf(term.documents, total) : rarest;
    knownWeight += weight;
    queryWeight += term.documents > 0 ? weight : rarest * tuning.unknownWeight;
    for (const match of term.matches) {
      const key = `${match.id}/${match.language}`;
      const variant = matched.get(key) ?? { id: match.id, language: match.language, title: match.title, weight: 0 };
      variant.weight += weight * tuning.fieldCredit[match.field] * (match.typos > 0 ? tuning.typoCredit : 1);
      matched.set(key, variant);
    }
  }
  const lengthNorm = queryWeight ** tuning.lengthExponent;
  return [...matched.values()]
    .map(({ id, language, title, weight }) => ({ id, language, title, relevance: weight / knownWeight, confidence: weight / lengthNorm }))
    .sort((a, b) => b.relevance - a.relevance);
}
