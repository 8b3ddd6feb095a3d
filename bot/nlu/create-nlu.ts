import type { Language } from '../core/language.js';
import type { Nlu } from './nlu.js';
import { trainIntentClassifier } from './intent-classifier.js';
import { CONFIDENT_LANGUAGE_GUESS, trainLanguageDetector } from './language-detector.js';
import { loadIntentCorpora, type IntentCorpus } from './load-intents.js';
import { createNlpEngine } from './nlp-engine.js';
import { prepareText } from './prepare-text.js';
import { rankIntents } from './rank-intents.js';
import { rememberUnderstandings } from './remembered-understanding.js';
import { findRequestedLanguage, registerLanguageNames } from './requested-language.js';

// Language detection this sure earns a second reading of the message, in the detected language: cheap
// (~0.1 ms), and that reading only wins when it is the more confident one or detection is sure.
const MAYBE_OTHER_LANGUAGE = 0.3;

/**
 * Trains Mesa's NLU from locales/<lang>/intents.json: an NLP.js intent classifier per language,
 * a language detector over the same utterances and language-name entities for switch_language.
 * Training is in memory only (nothing is written to disk) and takes well under a second per language.
 */
export async function createNlu(options: { localesDir: string }): Promise<Nlu> {
  const corpora = loadIntentCorpora(options.localesDir);
  const nlp = createNlpEngine();
  registerLanguageNames(nlp);
  const classifier = await trainIntentClassifier(nlp, corpora);
  const detectLanguage = trainLanguageDetector(utterancesByLanguage(corpora));

  return rememberUnderstandings({
    detectLanguage,
    async understand(rawText, language) {
      const text = prepareText(rawText);
      if (!text) return { intent: null, score: 0, alternatives: [] };
      let understanding = rankIntents(await classifier.classify(text, language));
      let writtenIn = language;
      // People write in their own language whatever the conversation's ("in English please" in a
      // Spanish chat), and the classifier of the language a text is in reads it best. Only a sure
      // detection overrules a confident reading, since short texts ("si") look like several languages.
      const guess = detectLanguage(rawText);
      if (guess && guess.language !== language && guess.confidence >= MAYBE_OTHER_LANGUAGE) {
        const other = rankIntents(await classifier.classify(text, guess.language));
        const sure = guess.confidence >= CONFIDENT_LANGUAGE_GUESS;
        if (other.score > understanding.score || (sure && other.intent !== null)) {
          understanding = other;
          writtenIn = guess.language;
        }
      }
      if (understanding.intent === 'switch_language') {
        const requested = await findRequestedLanguage(nlp, text, writtenIn);
        if (requested) understanding.requestedLanguage = requested;
      }
      return understanding;
    },
  });
}

function utterancesByLanguage(corpora: Record<Language, IntentCorpus>): Record<Language, string[]> {
  const samples = {} as Record<Language, string[]>;
  for (const [language, corpus] of Object.entries(corpora) as [Language, IntentCorpus][]) {
    samples[language] = Object.values(corpus).flatMap((utterances) => utterances ?? []);
  }
  return samples;
}
