import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * Silent notifications for tickets landing in the analyst's queue: a toast on the page (announced politely
 * to screen readers) and a count in the document title, so a background tab shows it too.
 */
export class DeskAlerts {
  private unseen = 0;
  private baseTitle = '';
  readonly region = h('div', { class: 'alerts', attrs: { role: 'status', 'aria-live': 'polite' } });

  setTitle(base: string): void {
    this.baseTitle = base;
    this.paintTitle();
  }

  alert(number: string, queueName: string): void {
    this.unseen += 1;
    this.paintTitle();
    const toast = h('div', { class: 'toast', attrs: { 'data-ticket': number } });
    const dismiss = (): void => {
      toast.remove();
      this.seen();
    };
    toast.append(
      h('a', { text: t('alertQueued', { number, queue: queueName }), attrs: { href: `#/tickets/${encodeURIComponent(number)}` }, on: { click: dismiss } }),
      h('button', { class: 'link', text: t('dismiss'), attrs: { type: 'button', 'aria-label': t('dismissAlert', { number }) }, on: { click: dismiss } }),
    );
    this.region.prepend(toast);
    // A handful is enough to notice; older ones are still in the queue itself.
    while (this.region.childElementCount > 5) this.region.lastElementChild?.remove();
  }

  /** The analyst opened this ticket: its toast has done its job. */
  forget(number: string): void {
    for (const toast of [...this.region.children]) if ((toast as HTMLElement).dataset.ticket === number) toast.remove();
  }

  /** The analyst has looked: the title count goes away (toasts stay until dismissed). */
  seen(): void {
    this.unseen = 0;
    this.paintTitle();
  }

  clear(): void {
    this.region.replaceChildren();
    this.seen();
  }

  private paintTitle(): void {
    document.title = this.unseen > 0 ? `(${this.unseen}) ${this.baseTitle}` : this.baseTitle;
  }
}
