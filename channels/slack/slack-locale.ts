import { isLanguage, type Language } from '../../bot/core/language.js';

/** Maps a Slack user's locale (`es-ES`, `pt-BR`, `it-IT`, `en-GB`) to a language Mesa speaks, if it is one. */
export function languageOfSlackLocale(locale: string | undefined): Language | undefined {
  const primary = locale?.split(/[-_]/)[0]?.toLowerCase();
  return isLanguage(primary) ? primary : undefined;
}
