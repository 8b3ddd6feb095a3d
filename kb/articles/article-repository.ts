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
  /** Creates or revises one language of an article; identical content changes nothing and adds no version. */
  saveVariant(content: ArticleContent, options: { author: string; status: ArticleStatus; at: Date }): Promise<{ outcome: SaveOutcome; version: number }>;
  setStatus(id: string, language: Language, status: ArticleStatus, options: { author: string; at: Date }): Promise<ArticleVariant | null>;
  findVariant(id: string, language: Language): Promise<ArticleVariant | null>;
  variantsOf(id: string): Promise<ArticleVariant[]>;
  listVariants(filter?: VariantFilter): Promise<ArticleVariant[]>;
  history(id: string, language: Language): Promise<ArticleVersion[]>;
  pendingIndexChanges(limit: number): Promise<IndexChange[]>;
  markIndexed(seqs: number[]): Promise<void>;
  /** Queues every variant for indexing again (kb:reindex). */
  requeueAll(): Promise<number>;
}
