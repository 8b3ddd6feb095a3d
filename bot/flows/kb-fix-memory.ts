import type { TriedArticle } from '../core/help-desk.js';
import type { FlowContext } from '../core/flow.js';
import type { KnowledgeBase, KnowledgeHit } from '../core/knowledge-base.js';

/** Offered articles as the analyst will see them: category and length come from the article itself. */
export async function offeredArticles(kb: KnowledgeBase, hits: KnowledgeHit[]): Promise<TriedArticle[]> {
  return Promise.all(
    hits.map(async (hit): Promise<TriedArticle> => {
      const article = await kb.article(hit.id, hit.language);
      return { id: hit.id, title: hit.title, language: hit.language, ...(article ? { category: article.category } : {}), stepsShown: 0, totalSteps: article?.steps.length ?? 0, outcome: 'offered' };
    }),
  );
}

/** Records how far the user got with one article; returns the updated list for a handover in the same turn. */
export function rememberTried(context: FlowContext, article: TriedArticle): TriedArticle[] {
  const before = context.memory.tried ?? [];
  const tried = before.some((known) => known.id === article.id) ? before.map((known) => (known.id === article.id ? article : known)) : [...before, article];
  context.remember({ tried });
  return tried;
}
