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
      // The resources never change after start, so a string without parameters is looked up once: i18next's
      // resolution (namespaces, fallbacks) costs more than the rest of a typical turn's flow logic.
      const fixed = new Map<string, string>();
      const lookUp = (key: string, params?: Record<string, string | number>): string => {
        if (params !== undefined && Object.keys(params).length > 0) return t(key, params) as string;
        let text = fixed.get(key);
        if (text === undefined) {
          text = t(key, {}) as string;
          fixed.set(key, text);
        }
        return text;
      };
      return [language, lookUp] as const;
    }),
  );
  return {
    forLanguage: (language) => translate.get(language) ?? translate.get(DEFAULT_LANGUAGE)!,
    namespace: (language, namespace) => resources[language][namespace] ?? {},
  };
}
