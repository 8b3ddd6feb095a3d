import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../core/language.js';
import { INTENTS, type IntentName } from './nlu.js';

/**
 * NLP.js's name for "none of the above". intents.json may list off-topic utterances under it so the
 * classifier learns what Mesa does not handle, instead of forcing every message into an intent.
 */
export const NONE_INTENT = 'None';

export type TrainingLabel = IntentName | typeof NONE_INTENT;

/** Training utterances of one language, by intent. */
export type IntentCorpus = Partial<Record<TrainingLabel, string[]>> & Record<IntentName, string[]>;

const LABELS: readonly string[] = [...INTENTS, NONE_INTENT];

function parseCorpus(file: string): IntentCorpus {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} must map intent names to arrays of utterances.`);
  }
  const corpus = parsed as Record<string, unknown>;
  // A typo in an intent name would silently train a label nothing handles, so refuse it at startup.
  for (const [label, utterances] of Object.entries(corpus)) {
    if (!LABELS.includes(label)) throw new Error(`${file}: unknown intent "${label}".`);
    if (!Array.isArray(utterances) || !utterances.every((u) => typeof u === 'string' && u.trim() !== '')) {
      throw new Error(`${file}: "${label}" must be an array of non-empty strings.`);
    }
  }
  for (const intent of INTENTS) {
    if (!(corpus[intent] as string[] | undefined)?.length) throw new Error(`${file}: no utterances for intent "${intent}".`);
  }
  return corpus as IntentCorpus;
}

/** Reads locales/<lang>/intents.json for every language, failing loudly on malformed training data. */
export function loadIntentCorpora(localesDir: string): Record<Language, IntentCorpus> {
  const corpora = {} as Record<Language, IntentCorpus>;
  for (const language of LANGUAGES) {
    corpora[language] = parseCorpus(join(localesDir, language, 'intents.json'));
  }
  return corpora;
}
