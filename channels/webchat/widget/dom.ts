/** An element with its class and attributes set. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  return element;
}

/** Text from the strings file, re-applied whenever the language changes. */
export function i18nText<T extends HTMLElement>(element: T, key: string): T {
  element.dataset.i18n = key;
  return element;
}

/** An attribute from the strings file, re-applied whenever the language changes. */
export function i18nAttr<T extends Element>(element: T, attribute: 'aria-label' | 'placeholder', key: string): T {
  element.setAttribute(`data-i18n-${attribute}`, key);
  return element;
}

/** Fills in every text and attribute marked by i18nText and i18nAttr below root. */
export function applyStrings(root: ParentNode, t: (key: string) => string): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    node.textContent = t(node.dataset.i18n ?? '');
  });
  for (const attribute of ['aria-label', 'placeholder']) {
    root.querySelectorAll(`[data-i18n-${attribute}]`).forEach((node) => {
      node.setAttribute(attribute, t(node.getAttribute(`data-i18n-${attribute}`) ?? ''));
    });
  }
}
