import type { Nlp } from '@nlpjs/nlp';
import { LANGUAGES, isLanguage, type Language } from '../core/language.js';
import { LANGUAGE_NAMES } from './language-names.js';

const ENTITY = 'language';

/** Teaches the NLP.js named-entity recogniser every language name, under every locale. */
export function registerLanguageNames(nlp: Nlp): void {
  for (const locale of LANGUAGES) {
    for (const language of LANGUAGES) {
      nlp.addNerRuleOptionTexts(locale, ENTITY, language, [...LANGUAGE_NAMES[language]]);
    }
  }
}

// "en español", "in English", "em português", "all'italiano": the language after one of these is the
// one wanted, even when another is named too ("no hablo inglés, en español por favor").
const TARGET_MARKERS = new Set(['en', 'in', 'em', 'into', 'to', 'al', 'a', 'ao', 'para', 'pra', "all'", 'allo']);

/**
 * The language a switch_language request names, or undefined when it names none ("change language").
 * NLP.js enum entities match fuzzily, so "englsh" and "portugues" still count. When several are
 * named, the one introduced as a target wins, otherwise the last ("I don't speak Spanish, English?").
 */
export async function findRequestedLanguage(nlp: Nlp, text: string, locale: Language): Promise<Language | undefined> {
  const { entities } = await nlp.ner.process({ locale, utterance: text });
  const named = entities
    .filter((entity) => entity.entity === ENTITY && isLanguage(entity.option))
    .sort((a, b) => a.start - b.start);
  const target = named.find((entity) => TARGET_MARKERS.has(wordBefore(text, entity.start))) ?? named.at(-1);
  return target?.option as Language | undefined;
}

function wordBefore(text: string, offset: number): string {
  return /([\p{L}']+)\s*$/u.exec(text.slice(0, offset).toLowerCase())?.[1] ?? '';
}
