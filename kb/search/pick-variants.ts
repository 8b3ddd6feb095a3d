import type { Language } from '../../bot/core/language.js';
import type { ScoredVariant } from './score-evidence.js';

/**
 * One entry per article, strongest first. An article is as relevant and as confident as its best variant;
 * it is shown in the user's language when that variant matched well (at least `ownLanguageShare` of the
 * best variant's relevance), otherwise in the language that matched best: the article in the user's
 * language is worth a slightly weaker match, a variant that barely matched is not.
 */
export function pickVariants(variants: ScoredVariant[], language: Language, ownLanguageShare: number): ScoredVariant[] {
  const byArticle = new Map<string, ScoredVariant[]>();
  for (const variant of variants) byArticle.set(variant.id, [...(byArticle.get(variant.id) ?? []), variant]);
  const picked: ScoredVariant[] = [];
  for (const candidates of byArticle.values()) {
    const best = candidates.reduce((a, b) => (b.relevance > a.relevance ? b : a));
    const own = candidates.find((candidate) => candidate.language === language);
    const shown = own && own.relevance >= best.relevance * ownLanguageShare ? own : best;
    const confidence = Math.max(...candidates.map((candidate) => candidate.confidence));
    picked.push({ ...shown, relevance: best.relevance, confidence });
  }
  // Stable: equal relevance keeps the engine's order.
  return picked.sort((a, b) => b.relevance - a.relevance);
}
