import type { Language } from '../../bot/core/language.js';
import type { ArticleContent, ArticleStatus, ArticleVariant, ArticleVersion } from './article.js';

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/** A variant whose search document must be refreshed (written in the same transaction as the change). */
export interface IndexChange {
  seq: number;
  id: string;
  language: Language;
}

export interface VariantFilter {
  status?: ArticleStatus;
  language?: Language;
}

/** What the knowledge base needs from storage; the database is the source of truth, the index follows it. */
export interface ArticleRepository {
  /**
   * Creates or revises one language of an article; identical content in the same status changes nothing and adds
   * no version (an import run twice), while any other save is a new version queued for the index.
   */
  saveVariant(content: ArticleContent, options: { author: string; status: ArticleStatus; at: Date }): Promise<{ outcome: SaveOutcome; version: number }>;
  /** Moves a variant through the workflow as a new version queued for the index; null when the variant does not exist. */
  setStatus(id: string, language: Language, status: ArticleStatus, options: { author: string; at: Date }): Promise<ArticleVariant | null>;
  findVariant(id: string, language: Language): Promise<ArticleVariant | null>;
  variantsOf(id: string): Promise<ArticleVariant[]>;
  listVariants(filter?: VariantFilter): Promise<ArticleVariant[]>;
  /** Every version of one variant, newest first; empty when the variant does not exist. */
  history(id: string, language: Language): Promise<ArticleVersion[]>;
  /** The oldest `limit` changes not yet marked indexed, in the order they were made. */
  pendingIndexChanges(limit: number): Promise<IndexChange[]>;
  /** Removes exactly these changes from the queue; a change made since they were read stays queued. */
  markIndexed(seqs: number[]): Promise<void>;
  /** Queues every variant for indexing again (kb:reindex). */
  requeueAll(): Promise<number>;
}
