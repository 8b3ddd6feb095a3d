import { Lexer, type Token } from 'marked';
import type { Language } from '../../bot/core/language.js';
import type { ArticleStatus, ArticleVariant } from '../articles/article.js';
import { plainText } from '../articles/extract-steps.js';

/**
 * The searched fields, best first; `body` is the text around the steps (the symptom, in the user's words),
 * which says more about a request than the fix does. Each field holds one key per language (`title.es`): a
 * nested field ranks like its parent, so a Spanish title weighs what an English one does, and
 * `localizedAttributes` can still tokenize `*.es` as Spanish. (Flat `title_es` fields would each get their
 * own rank and favour whichever language is listed first.)
 */
export const SEARCHED_FIELDS = ['title', 'tags', 'body', 'steps'] as const;

/** One language variant of an article as Meilisearch stores it; only published variants are stored. */
export interface SearchDocument {
  uid: string;
  id: string;
  language: Language;
  status: ArticleStatus;
  category: string;
  title: Partial<Record<Language, string>>;
  tags: Partial<Record<Language, string[]>>;
  steps: Partial<Record<Language, string[]>>;
  body: Partial<Record<Language, string>>;
}

// The body without its step list, which is indexed on its own: what is left describes the symptom in the
// user's words ("says connected but no internet"), the steps describe the fix.
function description(body: string): string {
  const tokens = new Lexer().lex(body);
  const steps = tokens.findIndex((token: Token) => token.type === 'list' && (token as { ordered?: boolean }).ordered === true);
  return plainText(tokens.filter((_, i) => i !== steps).map((token) => token.raw).join(''));
}

/** The document id of one variant: ids are kebab-case, so `__` cannot occur inside one. */
export function documentUid(id: string, language: Language): string {
  return `${id}__${language}`;
}

export function toSearchDocument(variant: ArticleVariant): SearchDocument {
  const { language } = variant;
  return {
    uid: documentUid(variant.id, language),
    id: variant.id,
    language,
    status: variant.status,
    category: variant.category,
    title: { [language]: variant.title },
    tags: { [language]: variant.tags },
    steps: { [language]: variant.steps },
    body: { [language]: description(variant.body) },
  };
}
