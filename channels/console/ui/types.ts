import type { Lang } from './i18n.js';

export type Status = 'draft' | 'in_review' | 'published' | 'retired';

export interface Me {
  email: string;
  name: string;
  roles: string[];
}

export interface ArticleSummary {
  id: string;
  category: string;
  variants: Array<{ language: Lang; status: Status; title: string; version: number; updatedAt: string }>;
  missingLanguages: Lang[];
}

export interface Variant {
  id: string;
  language: Lang;
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

export interface ArticleDetail {
  id: string;
  variants: Variant[];
  missingLanguages: Lang[];
  metrics: Record<string, number>;
}

export interface Version {
  version: number;
  status: Status;
  author: string;
  createdAt: string;
  title: string;
}

export interface Gap {
  key: string;
  language: Lang;
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
