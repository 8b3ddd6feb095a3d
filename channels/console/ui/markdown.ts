import { append, h } from './dom.js';

/*
 * A small, safe Markdown renderer for the live preview: headings, paragraphs, ordered and unordered lists,
 * bold, italic, inline code and http(s) links. It builds DOM nodes and sets text with text nodes only, so an
 * article body can never inject markup or script; anything it does not understand is shown as plain text.
 */

type Block = { kind: 'heading'; level: number; text: string } | { kind: 'ol' | 'ul'; items: string[] } | { kind: 'p'; text: string };

const HEADING = /^(#{1,6})\s+(.*)$/;
const ORDERED = /^\s*\d+[.)]\s+(.*)$/;
const UNORDERED = /^\s*[-*+]\s+(.*)$/;

function blocks(markdown: string): Block[] {
  const result: Block[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) result.push({ kind: 'p', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = HEADING.exec(line);
    const ordered = ORDERED.exec(line);
    const unordered = UNORDERED.exec(line);
    const last = result[result.length - 1];
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      result.push({ kind: 'heading', level: heading[1]!.length, text: heading[2] ?? '' });
    } else if (ordered || unordered) {
      flush();
      const kind = ordered ? 'ol' : 'ul';
      const text = (ordered ?? unordered)![1] ?? '';
      if (last && last.kind === kind) last.items.push(text);
      else result.push({ kind, items: [text] });
    } else paragraph.push(line.trim());
  }
  flush();
  return result;
}

const INLINE: Array<{ pattern: RegExp; build: (match: RegExpExecArray) => Node }> = [
  { pattern: /`([^`]+)`/, build: (m) => h('code', { text: m[1] ?? '' }) },
  { pattern: /\*\*(.+?)\*\*|__(.+?)__/, build: (m) => inlineInto(h('strong'), m[1] ?? m[2] ?? '') },
  { pattern: /\*(.+?)\*|_(.+?)_/, build: (m) => inlineInto(h('em'), m[1] ?? m[2] ?? '') },
  { pattern: /\[([^\]]+)\]\(([^)\s]+)\)/, build: (m) => link(m[1] ?? '', m[2] ?? '') },
];

function link(text: string, href: string): Node {
  // Only web links: javascript:, data: and friends are shown as their text, not followed.
  let url: URL | null = null;
  try {
    url = new URL(href);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return document.createTextNode(text);
  return inlineInto(h('a', { attrs: { href: url.href, rel: 'noopener noreferrer', target: '_blank' } }), text);
}

/** Appends `text`'s inline formatting to `parent`: the earliest construct first, plain text between. */
function inlineInto<E extends Element>(parent: E, text: string): E {
  let rest = text;
  while (rest.length > 0) {
    let best: { index: number; match: RegExpExecArray; build: (match: RegExpExecArray) => Node } | null = null;
    for (const rule of INLINE) {
      const match = rule.pattern.exec(rest);
      if (match && (!best || match.index < best.index)) best = { index: match.index, match, build: rule.build };
    }
    if (!best) {
      append(parent, rest);
      break;
    }
    append(parent, rest.slice(0, best.index), best.build(best.match));
    rest = rest.slice(best.index + best.match[0].length);
  }
  return parent;
}

/** Renders Markdown into a fragment of DOM nodes. */
export function renderMarkdown(markdown: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of blocks(markdown)) {
    if (block.kind === 'heading') {
      // The preview sits under the article title (h3), so its headings start one level lower.
      const level = Math.min(6, block.level + 3);
      fragment.appendChild(inlineInto(document.createElement(`h${level}`), block.text));
    } else if (block.kind === 'p') fragment.appendChild(inlineInto(h('p'), block.text));
    else fragment.appendChild(h(block.kind, {}, ...block.items.map((item) => inlineInto(h('li'), item))));
  }
  return fragment;
}
