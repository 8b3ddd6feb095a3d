export type Lang = 'en' | 'es' | 'pt' | 'it';
export const LANGS: readonly Lang[] = ['en', 'es', 'pt', 'it'];
const STORAGE_KEY = 'mesa.console.lang';

let strings: Record<string, string> = {};
let current: Lang = 'en';

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language picked before, else the browser's, else English. */
export function initialLanguage(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLang(saved)) return saved;
  const browser = navigator.language.split('-')[0];
  return isLang(browser) ? browser : 'en';
}

/** Loads the console's strings for a language from the server (locales/<lang>/console.json). */
export async function loadStrings(language: Lang): Promise<void> {
  const response = await fetch(`/api/console/i18n/${language}`);
  strings = (await response.json()) as Record<string, string>;
  current = language;
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

export function language(): Lang {
  return current;
}

/** A UI string with {{name}} placeholders filled in; an unknown key shows itself, never nothing. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  return (strings[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_all, name: string) => String(params[name] ?? ''));
}

/** Whether a key has a string, for codes that may or may not have a label (e.g. a reason code vs free text). */
export function hasString(key: string): boolean {
  return key in strings;
}
