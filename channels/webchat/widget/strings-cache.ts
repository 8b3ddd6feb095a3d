import type { Api } from './api-client.js';
import type { Lang } from './widget-config.js';

/** One language's UI strings (the widget namespace of locales/<lang>/), by key. */
export type Strings = Record<string, string>;

/** Loads each language's strings once per page. */
export class StringsCache {
  private readonly loaded = new Map<Lang, Promise<Strings>>();

  constructor(private readonly api: Api) {}

  /** The language's strings; English when that language is unavailable; empty when nothing is. */
  get(lang: Lang): Promise<Strings> {
    let pending = this.loaded.get(lang);
    if (!pending) {
      pending = this.api.strings(lang).catch(() => (lang === 'en' ? {} : this.get('en')));
      this.loaded.set(lang, pending);
    }
    return pending;
  }
}
