import { Document, parse as parseYaml, type YAMLSeq } from 'yaml';
import { z } from 'zod';
import { LANGUAGES } from '../../bot/core/language.js';
import type { ArticleContent } from './article.js';

const frontMatter = z.object({
  id: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'must be kebab-case letters, digits and dashes (at most 100)'),
  language: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }),
  title: z.string().trim().min(1, 'must not be empty').max(200),
  category: z.string().trim().min(1, 'must not be empty').max(60),
  tags: z.array(z.union([z.string(), z.number()]).transform(String)).max(30).default([]),
});

export type ParsedArticle = { ok: true; article: ArticleContent } | { ok: false; reason: string };

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/** Reads one article file (YAML front matter + Markdown body); never throws, says what is wrong instead. */
export function parseArticleFile(bytes: Buffer): ParsedArticle {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not UTF-8 text (is it a binary file?)' };
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'not UTF-8 text (is it a binary file?)' };
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!match) return { ok: false, reason: 'no front matter: the file must start with a --- line, the fields, and another --- line' };
  let fields: unknown;
  try {
    fields = parseYaml(match[1] ?? '');
  } catch (error) {
    return { ok: false, reason: `invalid YAML in the front matter: ${(error as Error).message.split('\n')[0]}` };
  }
  const parsed = frontMatter.safeParse(fields ?? {});
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'front matter'} ${issue.message}`).join('; ') };
  }
  const body = (match[2] ?? '').trim();
  if (body.length === 0) return { ok: false, reason: 'the body is empty' };
  const tags = [...new Set(parsed.data.tags.map((tag) => tag.trim()).filter(Boolean))];
  return { ok: true, article: { ...parsed.data, tags, body } };
}

/** Writes an article back in the same format, so export → import changes nothing. */
export function formatArticleFile(article: ArticleContent): string {
  const document = new Document({ id: article.id, language: article.language, title: article.title, category: article.category, tags: article.tags });
  // Tags on one line, as people write them by hand: tags: [vpn, remote]
  (document.get('tags', true) as YAMLSeq).flow = true;
  return `---\n${document.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${article.body.trim()}\n`;
}
