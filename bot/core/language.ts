/** The languages Mesa speaks; every locale folder and every flow covers all of them. */
export const LANGUAGES = ['en', 'es', 'pt', 'it'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
