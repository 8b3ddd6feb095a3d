import type { KnowledgeEvent } from '../../bot/core/knowledge-base.js';
import type { Language } from '../../bot/core/language.js';

export type ArticleMetrics = Record<KnowledgeEvent, number>;

export interface GapGroup {
  /** The words the questions in this group share, normalised. */
  key: string;
  language: Language;
  count: number;
  /** A few (at most five, none twice) of the questions as users wrote them. */
  examples: string[];
  lastAskedAt: Date;
}

/** Counters and unanswered questions: how the knowledge base is doing and what to write next. */
export interface InsightsRepository {
  recordEvent(articleId: string, event: KnowledgeEvent, context: { conversationId: string; at: Date }): Promise<void>;
  /** Every counter of one article, zero for events never recorded (also for unknown articles). */
  metrics(articleId: string): Promise<ArticleMetrics>;
  recordGap(query: string, language: Language, context: { conversationId: string; at: Date }): Promise<void>;
  /** Questions grouped by language and gap key, most asked first, then most recently asked; at most `limit` groups. */
  gaps(options: { language?: Language; limit: number }): Promise<GapGroup[]>;
}
