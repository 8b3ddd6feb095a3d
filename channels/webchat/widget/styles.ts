import STYLES from './mesa-widget.css';
import { el } from './dom.js';

/**
 * A constructed stylesheet is not inline style as far as Content-Security-Policy is concerned, so the
 * widget keeps its looks on pages whose CSP forbids 'unsafe-inline' styles; <style> is for old browsers.
 */
export function adoptStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    shadow.adoptedStyleSheets = [sheet];
    return;
  }
  const style = el('style');
  style.textContent = STYLES;
  shadow.append(style);
}
