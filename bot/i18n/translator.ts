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
  // One function per language, built once, so callers can cache what they derive from it.
  const translate = new Map<Language, Translate>(
    LANGUAGES.map((language) => {
      const t = instance.getFixedT(language);
      return [language, (key: string, params?: Record<string, string | number>) => t(key, params ?? {}) as string] as const;
    }),
  );
  return {
    forLanguage: (language) => translate.get(language) ?? translate.get(DEFAULT_LANGUAGE)!,
    namespace: (language, namespace) => resources[language][namespace] ?? {},
  };
}
