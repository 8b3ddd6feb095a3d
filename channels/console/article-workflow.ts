import { MesaError } from '../../bot/core/errors.js';
import type { ArticleStatus } from '../../kb/articles/article.js';

/**
 * The editorial workflow: draft → in_review → published → retired, with the two ways back a team needs
 * (a reviewer sends a draft back; a retired article is revived as a draft). Kept free of HTTP so it can
 * move into kb/ when the knowledge base grows an editorial service.
 */
export const TRANSITIONS: Record<ArticleStatus, readonly ArticleStatus[]> = {
  draft: ['in_review'],
  in_review: ['published', 'draft'],
  published: ['retired'],
  retired: ['draft'],
};

/** Throws a 409 `illegal_transition` naming what would have been allowed. */
export function assertTransition(from: ArticleStatus, to: ArticleStatus): void {
  if (TRANSITIONS[from].includes(to)) return;
  const allowed = TRANSITIONS[from].join(', ');
  throw new MesaError('illegal_transition', `Cannot move from ${from} to ${to}.`, { params: { from, to, allowed } });
}

/**
 * The status a content edit leaves a variant in. An edit is new, unreviewed text, so it is a draft,
 * whatever the variant was; only an admin may skip review and publish the edit directly.
 */
export function statusAfterEdit(options: { isAdmin: boolean; publish: boolean }): ArticleStatus {
  return options.isAdmin && options.publish ? 'published' : 'draft';
}
