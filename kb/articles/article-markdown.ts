import { Lexer, type Token, type Tokens } from 'marked';

/*
 * An article body as Mesa reads it: parsed once with marked (the parser the steps and the search index use)
 * into a small document of text-only nodes. The console's preview draws this document and the bot's steps
 * are its text, so what a knowledge manager sees is what the bot will say. Nothing in it is markup: HTML in
 * a body stays literal text, and only http(s) links survive as links (others keep their text).
 */
export type ArticleInline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: ArticleInline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: ArticleInline[] };

export type ArticleBlock =
  | { type: 'heading'; level: number; children: ArticleInline[] }
  | { type: 'paragraph'; children: ArticleInline[] }
  | { type: 'list'; ordered: boolean; items: ArticleInline[][] }
  | { type: 'code'; text: string };

/** A web link, or null for javascript:, data: and anything else that is not http(s). */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function inline(tokens: Token[] | undefined, fallback = ''): ArticleInline[] {
  if (!tokens) return fallback ? [{ type: 'text', text: fallback }] : [];
  const nodes: ArticleInline[] = [];
  const text = (value: string): void => {
    const last = nodes.at(-1);
    if (last?.type === 'text') last.text += value;
    else if (value) nodes.push({ type: 'text', text: value });
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
      case 'em':
        nodes.push({ type: token.type, children: inline((token as Tokens.Strong).tokens) });
        break;
      case 'codespan':
        nodes.push({ type: 'code', text: (token as Tokens.Codespan).text });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const href = safeHref(link.href);
        const children = inline(link.tokens, link.text);
        if (href) nodes.push({ type: 'link', href, children });
        else {
          for (const child of children) {
            if (child.type === 'text') text(child.text);
            else nodes.push(child);
          }
        }
        break;
      }
      case 'image':
        text((token as Tokens.Image).text);
        break;
      case 'br':
        text(' ');
        break;
      case 'del':
        nodes.push(...inline((token as Tokens.Del).tokens));
        break;
      case 'text':
        if ((token as Tokens.Text).tokens) nodes.push(...inline((token as Tokens.Text).tokens));
        else text((token as Tokens.Text).text);
        break;
      // HTML, escapes and anything new: the source as written, as text.
      case 'escape':
        text((token as Tokens.Escape).text);
        break;
      default:
        text(token.raw);
    }
  }
  return nodes;
}

/** A list item's inline content; nested blocks are run together, since the preview and a chat step are one line. */
function itemInline(item: Tokens.ListItem): ArticleInline[] {
  const nodes: ArticleInline[] = [];
  for (const token of item.tokens) {
    if (token.type === 'list') nodes.push({ type: 'text', text: ' ' }, ...(token as Tokens.List).items.flatMap((nested) => itemInline(nested)));
    else if (token.type !== 'space') nodes.push(...inline((token as Tokens.Text).tokens, (token as Tokens.Text).text ?? token.raw));
  }
  return nodes;
}

function blocks(tokens: Token[]): ArticleBlock[] {
  const result: ArticleBlock[] = [];
  for (const token of tokens) {
    if (token.type === 'space' || token.type === 'hr') continue;
    if (token.type === 'heading') result.push({ type: 'heading', level: (token as Tokens.Heading).depth, children: inline((token as Tokens.Heading).tokens) });
    else if (token.type === 'paragraph') result.push({ type: 'paragraph', children: inline((token as Tokens.Paragraph).tokens) });
    else if (token.type === 'list') result.push({ type: 'list', ordered: (token as Tokens.List).ordered, items: (token as Tokens.List).items.map(itemInline) });
    else if (token.type === 'code') result.push({ type: 'code', text: (token as Tokens.Code).text });
    else if (token.type === 'blockquote') result.push(...blocks((token as Tokens.Blockquote).tokens));
    else result.push({ type: 'paragraph', children: [{ type: 'text', text: token.raw.trim() }] });
  }
  return result;
}

/** Parses an article body into its document. */
export function parseArticle(body: string): ArticleBlock[] {
  return blocks(new Lexer().lex(body));
}

/** Inline content as a chat bubble shows it: plain text, a link as "text (address)". */
export function inlineText(nodes: ArticleInline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text' || node.type === 'code') return node.text;
      const text = inlineText(node.children);
      return node.type === 'link' && text !== node.href ? `${text} (${node.href})` : text;
    })
    .join('')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}
