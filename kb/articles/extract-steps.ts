import { Lexer, type Token, type Tokens } from 'marked';

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

/** The steps of the fix: the items of the body's first ordered list (design.md §5). */
export function extractSteps(body: string): string[] {
  const list = new Lexer().lex(body).find((token: Token): token is Tokens.List => token.type === 'list' && (token as Tokens.List).ordered);
  return list ? list.items.map((item) => plain(item.text)).filter((step) => step.length > 0) : [];
}

/** The body as plain text, for the search index. */
export function plainText(body: string): string {
  return plain(body.replace(/^#+\s*/gm, '').replace(/^\s*(\d+\.|[-*+])\s+/gm, ''));
}
