import { Lexer, type Token } from 'marked';
import type { Language } from '../../bot/core/language.js';
import type { ArticleStatus, ArticleVariant } from '../articles/article.js';
import { plainText } from '../articles/extract-steps.js';
import type { SynonymExpander } from './synonym-expansion.js';

/**
 * The searched fields, best first; `body` is the text around the steps (the symptom, in the user's words),
 * which says more about a request than the fix does. Each field holds one key per language (`title.es`): a
 * nested field ranks like its parent, so a Spanish title weighs what an English one does, and
 * `localizedAttributes` can still tokenize `*.es` as Spanish. (Flat `title_es` fields would each get their
 * own rank and favour whichever language is listed first.)
 */
export const SEARCHED_FIELDS = ['title', 'tags', 'body', 'steps'] as const;

/**
 * A searched field: the variant's text under its language, and under `related` the synonyms of the
 * vocabulary terms in it (see synonym-expansion.ts). Being nested in the same field, a synonym ranks where
 * the word it stands for does: "notebook" matches a title saying "laptop" as a title match.
 */
export type SearchedField<T> = Partial<Record<Language, T>> & { related?: string };

/** One language variant of an article as Meilisearch stores it; only published variants are stored. */
export interface SearchDocument {
  uid: string;
  id: string;
  language: Language;
  status: ArticleStatus;
  category: string;
  title: SearchedField<string>;
  tags: SearchedField<string[]>;
  steps: SearchedField<string[]>;
  body: SearchedField<string>;
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

function field<T>(language: Language, value: T, text: string, expand: SynonymExpander): SearchedField<T> {
  const related = expand(text);
  return related === '' ? { [language]: value } : { [language]: value, related };
}

export function toSearchDocument(variant: ArticleVariant, expand: SynonymExpander): SearchDocument {
  const { language } = variant;
  const body = description(variant.body);
  return {
    uid: documentUid(variant.id, language),
    id: variant.id,
    language,
    status: variant.status,
    category: variant.category,
    title: field(language, variant.title, variant.title, expand),
    tags: field(language, variant.tags, variant.tags.join('\n'), expand),
    steps: field(language, variant.steps, variant.steps.join('\n'), expand),
    body: field(language, body, body, expand),
  };
}
