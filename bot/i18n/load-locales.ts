import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LANGUAGES, type Language } from '../core/language.js';

/** Files under locales/<lang>/ that are training data, not strings shown to people. */
const NOT_TRANSLATIONS = new Set(['intents']);

export type LocaleResources = Record<Language, Record<string, Record<string, unknown>>>;

/** Reads every translation namespace (one JSON file each) of every language. */
export function loadLocaleResources(localesDir: string): LocaleResources {
  const resources = {} as LocaleResources;
  for (const language of LANGUAGES) {
    const dir = join(localesDir, language);
    resources[language] = {};
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const namespace = basename(file, '.json');
      if (NOT_TRANSLATIONS.has(namespace)) continue;
      try {
        resources[language][namespace] = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`locales/${language}/${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
      }
    }
  }
  return resources;
}
