import type { Language } from '../core/language.js';

/**
 * How people name each supported language in any of the four languages, for switch_language.
 * A user may ask for a language in the language they are leaving ("in English please" in a
 * Spanish chat), so every name is recognised whatever the conversation language is.
 * Accent-less spellings are listed because NLP.js fuzzy matching works on the raw text.
 */
export const LANGUAGE_NAMES: Record<Language, readonly string[]> = {
  en: ['english', 'inglés', 'ingles', 'inglesa', 'inglês', 'inglese'],
  es: [
    'spanish',
    'español',
    'espanol',
    'española',
    'espanola',
    'castellano',
    'espanhol',
    'castelhano',
    'spagnolo',
    'castigliano',
  ],
  pt: [
    'portuguese',
    'portugués',
    'portugues',
    'portuguesa',
    'português',
    'brasileiro',
    'portoghese',
  ],
  it: ['italian', 'italiano', 'italiana'],
};
