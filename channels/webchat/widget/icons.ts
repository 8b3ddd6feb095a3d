const SVG_NS = 'http://www.w3.org/2000/svg';

/** The widget's icons as SVG path data on a 24×24 grid. */
export const ICONS = {
  chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
  close: 'M6 6l12 12M18 6L6 18',
  send: 'M3 11.5L21 3l-8.5 18-2.3-7.2L3 11.5z',
  doc: 'M6 2h9l5 5v15H6zM14 2v6h6',
};

/** A decorative icon: hidden from screen readers, never focusable. */
export function icon(path: string, className = ''): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  if (className) svg.setAttribute('class', className);
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shape = document.createElementNS(SVG_NS, 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}
