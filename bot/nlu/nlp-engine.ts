import nlpPackage, { type Nlp } from '@nlpjs/nlp';
import langEnPackage from '@nlpjs/lang-en';
import langEsPackage from '@nlpjs/lang-es';
import langItPackage from '@nlpjs/lang-it';
import langPtPackage from '@nlpjs/lang-pt';
import { LANGUAGES } from '../core/language.js';

const SPELL_CHECK_MIN_LENGTH = 5;

/**
 * An untrained NLP.js instance for Mesa's four languages (tokenizer, stemmer and stopwords of each).
 * Settings, checked against @nlpjs/nlp and @nlpjs/nlu sources:
 * - autoSave/autoLoad off: NLP.js would otherwise write and later silently reuse ./model.nlp,
 *   so edits to intents.json would be ignored and the repository would get a model file.
 * - sentiment off: it is computed on every process() call and Mesa never reads it.
 * - useNoneFeature on: words never seen in training push towards None, which is what makes
 *   off-topic text come out as "not understood" instead of the nearest intent.
 * - spellCheck on: an unknown word one edit away from a trained one ("pasword", "ayudaa") is read as
 *   that word; chat is full of typos. Only from 5 letters: NLP.js's default of 4 turns "moon" into
 *   "morn(ing)" and off-topic chatter into greetings.
 * - log off: otherwise every training epoch is printed to stdout.
 */
export function createNlpEngine(): Nlp {
  const nlp = new nlpPackage.Nlp({
    languages: [...LANGUAGES],
    autoSave: false,
    autoLoad: false,
    calculateSentiment: false,
    nlu: { log: false, useNoneFeature: true, spellCheck: true },
  });
  nlp.use(langEnPackage.LangEn);
  nlp.use(langEsPackage.LangEs);
  nlp.use(langPtPackage.LangPt);
  nlp.use(langItPackage.LangIt);
  for (const locale of LANGUAGES) {
    const nlu = nlp.nluManager.domainManagers[locale]?.domains['master_domain'];
    if (nlu) nlu.spellCheck.minLength = SPELL_CHECK_MIN_LENGTH;
  }
  return nlp;
}
