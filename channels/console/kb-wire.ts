/*
 * The knowledge console's API as the browser receives it (kb-routes.ts, auth-routes.ts). The server's
 * serialisers return these types and the console UI reads them, so a field changed on either side fails the
 * build. Types only, no runtime imports: the console UI's browser build includes this file as it is.
 */
import type { LanguageJson } from '../webchat/wire.js';

/** An article variant's place in the workflow. */
export type Status = 'draft' | 'in_review' | 'published' | 'retired';

/** The signed-in staff account: never a secret, never a password hash. */
export interface Me {
  email: string;
  name: string;
  roles: string[];
}

/** One row of the article list: an article id with what each of its languages looks like. */
export interface ArticleSummary {
  id: string;
  category: string;
  variants: Array<{ language: LanguageJson; status: Status; title: string; version: number; updatedAt: string }>;
  missingLanguages: LanguageJson[];
}

/** One language of an article, with the statuses it may move to next. */
export interface Variant {
  id: string;
  language: LanguageJson;
  title: string;
  body: string;
  category: string;
  tags: string[];
  status: Status;
  version: number;
  updatedAt: string;
  updatedBy: string;
  nextStatuses: Status[];
}

/** One article with all its languages, as the editor opens it. */
export interface ArticleDetail {
  id: string;
  variants: Variant[];
  missingLanguages: LanguageJson[];
  /** How often the bot offered it, and what became of it, by event. */
  metrics: Record<string, number>;
}

/** One saved version of a variant, newest first in the history. */
export interface Version {
  version: number;
  status: Status;
  author: string;
  createdAt: string;
  title: string;
}

/** Questions the knowledge base could not answer, grouped by the words they share. */
export interface Gap {
  key: string;
  language: LanguageJson;
  count: number;
  examples: string[];
  lastAskedAt: string;
}

/** The server's reading of an article body (kb/articles/article-markdown.ts), drawn by the preview. */
export type PreviewInline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: PreviewInline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: PreviewInline[] };

export type PreviewBlock =
  | { type: 'heading'; level: number; children: PreviewInline[] }
  | { type: 'paragraph'; children: PreviewInline[] }
  | { type: 'list'; ordered: boolean; items: PreviewInline[][] }
  | { type: 'code'; text: string };
