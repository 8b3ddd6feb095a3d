import i18next, { type i18n } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../core/language.js';
import type { LocaleResources } from './load-locales.js';

/** Looks up a string for one language; keys are `namespace:path.to.key`. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface Translator {
  forLanguage(language: Language): Translate;
  /** The raw strings of one namespace, e.g. to hand the widget its UI texts. */
  namespace(language: Language, namespace: string): Record<string, unknown>;
}

/** Builds an i18next instance from in-memory resources; missing keys fall back to English, then show the key. */
export async function createTranslator(resources: LocaleResources): Promise<Translator> {
  const instance: i18n = i18next.createInstance();
  await instance.init({
    resources,
    supportedLngs: [...LANGUAGES],
    fallbackLng: DEFAULT_LANGUAGE,
    defaultNS: 'bot',
    ns: Object.keys(resources.en),
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const fixed = new Map(LANGUAGES.map((language) => [language, instance.getFixedT(language)] as const));
  return {
    forLanguage: (language) => {
      const t = fixed.get(language) ?? instance.getFixedT(DEFAULT_LANGUAGE);
      return (key, params) => t(key, params ?? {}) as string;
    },
    namespace: (language, namespace) => resources[language][namespace] ?? {},
  };
}
