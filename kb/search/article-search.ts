import type { Language } from '../../bot/core/language.js';
import type { ArticleIndex } from './article-index.js';
import { normalizeQuery } from './normalize-query.js';
import { pickVariants } from './pick-variants.js';
import { scoreEvidence, type ScoringTuning } from './score-evidence.js';

/** An article the search offers: the variant to show and how well the article matched. */
export interface ArticleHit {
  id: string;
  language: Language;
  title: string;
  /** Share of the request's known-word weight the article matched (0..1). */
  score: number;
  /** Matched weight against everything the request says, unknown words included: how sure the match is. */
  confidence: number;
}

export interface ArticleSearch {
  /** Best first, one hit per article, empty when nothing is a confident match. */
  search(query: string, options: { language: Language; limit: number }): Promise<ArticleHit[]>;
}

export interface SearchTuning extends ScoringTuning {
  /** The best article must explain at least this much of the query, or the search finds nothing. */
  minConfidence: number;
  /** Further articles must explain this fraction of minConfidence too. */
  followerConfidence: number;
  /** Further articles scoring below this fraction of the best one's relevance are noise next to it. */
  relativeCutoff: number;
  /** The user's-language variant is shown if it reaches this share of the best variant's relevance. */
  ownLanguageShare: number;
}

/** Measured on test/fixtures/kb/eval-queries.json by test/integration/kb/search-quality.test.ts. */
export const DEFAULT_TUNING: SearchTuning = {
  fieldCredit: { title: 1, tags: 0.85, body: 0.4, steps: 0.3 },
  typoCredit: 0.6,
  unknownWeight: 2,
  lengthExponent: 0.7,
  minConfidence: 0.4,
  followerConfidence: 0.5,
  relativeCutoff: 0.5,
  ownLanguageShare: 0.6,
};

// The best matches of each term that are weighed. Meilisearch ranks a term's matches by spelling, then
// field, so these are its title and tag matches; the rest would add little to an article's weight, while
// each match costs Meilisearch ~30 µs to rank and return — 200 took most of a search's time at 10,000 variants.
// 30 leaves the evaluation set's figures unchanged; 20 loses a few of its top-1 answers.
const MATCHES_PER_TERM = 30;

export interface ArticleSearchOptions {
  index: ArticleIndex;
  tuning?: Partial<SearchTuning>;
  /** Best matches of each term to weigh; see MATCHES_PER_TERM. */
  matchesPerTerm?: number;
}

/**
 * Search as the bot and the API use it: each meaningful word of the request is looked up in the index,
 * the matches are weighed (rare words, titles and exact spellings count most), one variant per article is
 * kept, and nothing is offered unless the best article explains enough of what the user wrote.
 */
export function createArticleSearch(options: ArticleSearchOptions): ArticleSearch {
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const matchesPerTerm = options.matchesPerTerm ?? MATCHES_PER_TERM;
  return {
    async search(query, { language, limit }) {
      const text = normalizeQuery(query);
      if (text.length === 0 || limit <= 0) return [];
      const evidence = await options.index.query(text, { language, matchesPerTerm });
      const articles = pickVariants(scoreEvidence(evidence, tuning), language, tuning.ownLanguageShare);
      const best = articles[0];
      if (!best || best.confidence < tuning.minConfidence) return [];
      return articles
        .filter((article) => article === best || (article.relevance >= best.relevance * tuning.relativeCutoff && article.confidence >= tuning.minConfidence * tuning.followerConfidence))
        .slice(0, limit)
        .map(({ id, language: shown, title, relevance, confidence }) => ({ id, language: shown, title, score: relevance, confidence }));
    },
  };
}
