import { foldCase } from '../../bot/core/text-folding.js';
import { LANGUAGES, type Language } from '../../bot/core/language.js';
import type { ArticleStatus, ArticleVariant } from '../../kb/articles/article.js';
import type { ArticleSummary } from './kb-wire.js';

export interface ListFilter {
  q?: string;
  status?: ArticleStatus;
  language?: Language;
}

const fold = foldCase;

/** Groups variants by article; keeps articles with a variant matching status+language and any text matching q. */
export function summarizeArticles(variants: ArticleVariant[], filter: ListFilter): ArticleSummary[] {
  const byId = new Map<string, ArticleVariant[]>();
  for (const variant of variants) byId.set(variant.id, [...(byId.get(variant.id) ?? []), variant]);
  const words = fold(filter.q ?? '').split(/\s+/).filter(Boolean);
  const rows: ArticleSummary[] = [];
  for (const [id, group] of byId) {
    const matchesFilter = group.some((v) => (!filter.status || v.status === filter.status) && (!filter.language || v.language === filter.language));
    if (!matchesFilter) continue;
    const haystack = fold([id, ...group.flatMap((v) => [v.title, v.category, ...v.tags])].join(' '));
    if (!words.every((word) => haystack.includes(word))) continue;
    const present = new Set(group.map((v) => v.language));
    rows.push({
      id,
      category: group[0]!.category,
      variants: group.map((v) => ({ language: v.language, status: v.status, title: v.title, version: v.version, updatedAt: v.updatedAt.toISOString() })),
      missingLanguages: LANGUAGES.filter((language) => !present.has(language)),
    });
  }
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}
