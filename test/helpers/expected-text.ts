import type { Language } from '../../bot/core/language.js';
import { loadLocaleResources } from '../../bot/i18n/load-locales.js';
import { createTranslator, type Translate } from '../../bot/i18n/translator.js';
import { localesDir } from '../../bot/paths.js';

/** The localized strings a user should see, read from locales/ the way Mesa reads them. */
export async function expectedTexts(): Promise<(language: Language) => Translate> {
  const translator = await createTranslator(loadLocaleResources(localesDir()));
  return (language) => translator.forLanguage(language);
}
