import { MatchingStrategies, type MultiSearchQuery, type SearchResponse } from 'meilisearch';
import type { MatchedField, TermEvidence } from './article-index.js';
import { SEARCHED_FIELDS, type SearchDocument } from './search-document.js';

/** A variant as a term lookup returns it: just enough to name it and weigh the match. */
export interface RankedDocument extends Pick<SearchDocument, 'id' | 'language' | 'title'> {
  _rankingScoreDetails?: {
    typo?: { typoCount: number };
    attribute?: { attributeRankingOrderScore: number };
  };
}

/** What every lookup of one search shares: the index, published variants only, the user's language's tokenizer. */
export interface LookupScope {
  indexUid: string;
  locale: string;
}

// Meilisearch scores the searchable attributes 1, 0.75, 0.5, 0.25 in the order of SEARCHED_FIELDS.
function fieldOf(attributeRankingOrderScore: number | undefined): MatchedField {
  const position = Math.round((1 - (attributeRankingOrderScore ?? 0)) * SEARCHED_FIELDS.length);
  return SEARCHED_FIELDS[Math.min(Math.max(position, 0), SEARCHED_FIELDS.length - 1)]!;
}

function scoped(scope: LookupScope): Pick<MultiSearchQuery, 'indexUid' | 'filter' | 'locales'> {
  return { indexUid: scope.indexUid, filter: 'status = "published"', locales: [scope.locale] };
}

/** An empty query with no hits: its total is the number of published variants, for how rare each term is. */
export function countQuery(scope: LookupScope): MultiSearchQuery {
  return { ...scoped(scope), q: '', limit: 0 };
}

/**
 * One term on its own: every word of it, the variants that contain it best first (spelling, then field), and
 * for each the field it matched in and with how many typos — what the scoring needs to weigh the match.
 */
export function termQuery(scope: LookupScope, term: string, matches: number): MultiSearchQuery {
  return {
    ...scoped(scope),
    q: term,
    limit: matches,
    matchingStrategy: MatchingStrategies.ALL,
    attributesToRetrieve: ['id', 'language', 'title'],
    showRankingScoreDetails: true,
  };
}

export function termEvidence(term: string, result: SearchResponse<RankedDocument> | undefined): TermEvidence {
  return {
    term,
    documents: result?.estimatedTotalHits ?? 0,
    matches: (result?.hits ?? []).map((hit) => ({
      id: hit.id,
      language: hit.language,
      title: hit.title[hit.language] ?? '',
      field: fieldOf(hit._rankingScoreDetails?.attribute?.attributeRankingOrderScore),
      typos: hit._rankingScoreDetails?.typo?.typoCount ?? 0,
    })),
  };
}
