import { h } from './dom.js';
import type { PreviewBlock, PreviewInline } from '../kb-wire.js';

/*
 * Draws the server's reading of an article body (POST /api/console/kb/preview, kb/articles/article-markdown.ts):
 * the same parser and link rule as the bot's steps, so the preview cannot disagree with the bot. The document
 * holds text only and every string becomes a text node, so a body can never inject markup or script.
 */

function inline(nodes: PreviewInline[]): Node[] {
  return nodes.map((node) => {
    if (node.type === 'text') return document.createTextNode(node.text);
    if (node.type === 'code') return h('code', { text: node.text });
    if (node.type === 'link') return h('a', { attrs: { href: node.href, rel: 'noopener noreferrer', target: '_blank' } }, ...inline(node.children));
    return h(node.type, {}, ...inline(node.children));
  });
}

/** Renders the preview document into a fragment of DOM nodes. */
export function renderPreview(blocks: PreviewBlock[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of blocks) {
    if (block.type === 'heading') {
      // The preview sits under the article title (h3), so its headings start one level lower.
      const level = Math.min(6, block.level + 3);
      const heading = document.createElement(`h${level}`);
      heading.append(...inline(block.children));
      fragment.appendChild(heading);
    } else if (block.type === 'paragraph') fragment.appendChild(h('p', {}, ...inline(block.children)));
    else if (block.type === 'code') fragment.appendChild(h('pre', {}, h('code', { text: block.text })));
    else fragment.appendChild(h(block.ordered ? 'ol' : 'ul', {}, ...block.items.map((item) => h('li', {}, ...inline(item)))));
  }
  return fragment;
}
