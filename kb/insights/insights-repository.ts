import type { KnowledgeEvent } from '../../bot/core/knowledge-base.js';
import type { Language } from '../../bot/core/language.js';

export type ArticleMetrics = Record<KnowledgeEvent, number>;

export interface GapGroup {
  /** The words the questions in this group share, normalised. */
  key: string;
  language: Language;
  count: number;
  /** A few of the questions as users wrote them. */
  examples: string[];
  lastAskedAt: Date;
}

/** Counters and unanswered questions: how the knowledge base is doing and what to write next. */
export interface InsightsRepository {
  recordEvent(articleId: string, event: KnowledgeEvent, context: { conversationId: string; at: Date }): Promise<void>;
  metrics(articleId: string): Promise<ArticleMetrics>;
  recordGap(query: string, language: Language, context: { conversationId: string; at: Date }): Promise<void>;
  gaps(options: { language?: Language; limit: number }): Promise<GapGroup[]>;
}
