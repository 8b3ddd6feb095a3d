import type { Language } from '../../bot/core/language.js';

export const ARTICLE_STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;

/** draft → in review → published → retired; only published variants reach the bot and the search API. */
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** What a knowledge manager writes for one language of an article. */
export interface ArticleContent {
  id: string;
  language: Language;
  title: string;
  /** Markdown; its first ordered list is the step-by-step fix. */
  body: string;
  category: string;
  tags: string[];
}

/** One language of an article as stored: content, the steps taken from it, and its place in the workflow. */
export interface ArticleVariant extends ArticleContent {
  steps: string[];
  status: ArticleStatus;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

export interface ArticleVersion extends ArticleContent {
  version: number;
  status: ArticleStatus;
  author: string;
  createdAt: Date;
}
