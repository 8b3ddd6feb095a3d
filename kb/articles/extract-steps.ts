import { inlineText, parseArticle } from './article-markdown.js';

/** Markdown inline syntax reduced to what a chat bubble can show as plain text. */
function plain(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** The steps of the fix: the items of the body's first ordered list (design.md §5), as the console's preview shows them. */
export function extractSteps(body: string): string[] {
  const list = parseArticle(body).find((block) => block.type === 'list' && block.ordered);
  return list?.type === 'list' ? list.items.map(inlineText).filter((step) => step.length > 0) : [];
}

/** The body as plain text, for the search index. */
export function plainText(body: string): string {
  return plain(body.replace(/^#+\s*/gm, '').replace(/^\s*(\d+\.|[-*+])\s+/gm, ''));
}
