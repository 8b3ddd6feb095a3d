import type { KnowledgeArticle, KnowledgeBase, KnowledgeEvent, KnowledgeHit } from '../bot/core/knowledge-base.js';
import type { Language } from '../bot/core/language.js';
import type { ArticleRepository } from './articles/article-repository.js';
import type { InsightsRepository } from './insights/insights-repository.js';

/** The search side as the bot needs it: confident hits only, best first, one per article. */
export interface HitSource {
  search(query: string, options: { language: Language; limit: number }): Promise<KnowledgeHit[]>;
}

/**
 * The knowledge base as the conversation core sees it: search, published articles, and what happened with them.
 * What happened is queued with the turn's own writes and shares their commit; a turn does not wait for it, and a
 * failure to record it is logged without failing the conversation.
 */
export function createKnowledgeBaseService(deps: { search: HitSource; articles: ArticleRepository; insights: InsightsRepository; onRecordFailed: (error: unknown) => void }): KnowledgeBase {
  const recorded = (write: Promise<void>): Promise<void> => {
    write.catch(deps.onRecordFailed);
    return Promise.resolve();
  };
  return {
    async search(query, language, limit) {
      const hits = await deps.search.search(query, { language, limit });
      return hits.map(({ id, language: hitLanguage, title, confidence }) => ({ id, language: hitLanguage, title, ...(confidence === undefined ? {} : { confidence }) }));
    },
    async article(id, language): Promise<KnowledgeArticle | null> {
      const variant = await deps.articles.findVariant(id, language);
      if (!variant || variant.status !== 'published') return null;
      return { id: variant.id, language: variant.language, title: variant.title, category: variant.category, steps: variant.steps };
    },
    record: (id: string, event: KnowledgeEvent, context) => recorded(deps.insights.recordEvent(id, event, context)),
    recordGap: (query, language, context) => recorded(deps.insights.recordGap(query, language, context)),
  };
}
