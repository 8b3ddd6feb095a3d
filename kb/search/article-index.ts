import type { Language } from '../../bot/core/language.js';
import type { ArticleVariant } from '../articles/article.js';

/** Where in a variant a term matched, best first: a title match says more than a body match. */
export type MatchedField = 'title' | 'tags' | 'steps' | 'body';

/** One variant that contains a query term (or its synonym, or a word one typo away). */
export interface TermMatch {
  id: string;
  language: Language;
  title: string;
  field: MatchedField;
  typos: number;
}

export interface TermEvidence {
  term: string;
  /** How many variants contain the term: rare terms identify an article, common ones do not. */
  documents: number;
  matches: TermMatch[];
}

/** What the index found for each meaningful term of a query. */
export interface QueryEvidence {
  /** Published variants in the index. */
  documents: number;
  terms: TermEvidence[];
}

/** What the knowledge base needs from a search engine; Meilisearch implements it, tests may fake it. */
export interface ArticleIndex {
  /**
   * Creates the index if needed and applies its settings; resolves once they are in effect. `created` says
   * the index was new (a fresh or replaced server): everything published must be queued for it again.
   */
  applySettings(): Promise<{ created: boolean }>;
  /** Adds or replaces these variants' documents; resolves once they are searchable. */
  upsert(variants: ArticleVariant[]): Promise<void>;
  /** Removes documents by uid (`<id>__<lang>`); unknown uids are ignored. */
  remove(uids: string[]): Promise<void>;
  /**
   * Looks up each meaningful term of `text` (stop words dropped) in one round trip; terms looked up before
   * may be answered from memory, but never once the index has changed since.
   */
  query(text: string, options: { language: Language; matchesPerTerm: number }): Promise<QueryEvidence>;
}
