import type { Nlp } from '@nlpjs/nlp';
import type { Language } from '../core/language.js';
import type { IntentCorpus, TrainingLabel } from './load-intents.js';
import { limitNlpjsCaches } from './nlpjs-cache-limit.js';
import { prepareText } from './prepare-text.js';
import { hasTopicEvidence } from './topic-evidence.js';

/** One label's share of the classifier's belief; the scores of one classification sum to 1. */
export interface LabelScore {
  label: TrainingLabel;
  score: number;
}

export interface Classification {
  /** Every label, None included, best first. */
  scores: LabelScore[];
  /** False when the text has unknown words and nothing topical the classifier knows: off-topic. */
  onTopic: boolean;
}

export interface IntentClassifier {
  classify(text: string, language: Language): Promise<Classification>;
}

/**
 * Trains one NLP.js neural classifier per language on the intents.json corpora.
 * Classification goes straight to the NLU manager: Nlp.process() would also run context storage,
 * NLG, actions and entity slots on every turn, none of which Mesa uses.
 */
export async function trainIntentClassifier(
  nlp: Nlp,
  corpora: Record<Language, IntentCorpus>,
): Promise<IntentClassifier> {
  for (const [language, corpus] of Object.entries(corpora)) {
    for (const [label, utterances] of Object.entries(corpus)) {
      for (const utterance of utterances ?? []) nlp.addDocument(language, prepareText(utterance), label);
    }
  }
  await nlp.train();
  // NLP.js keeps its features in plain objects, so a text of words like "constructor" can come back with a
  // label that is no intent at all (an inherited property); only the labels trained here count.
  const labels = new Set<string>(Object.values(corpora).flatMap((corpus) => Object.keys(corpus)));
  const afterClassification = limitNlpjsCaches(nlp, Object.keys(corpora));
  return {
    async classify(text, language) {
      afterClassification();
      const prepared = prepareText(text);
      const result = await nlp.nluManager.process(language, prepared);
      return {
        scores: result.classifications.flatMap(({ intent, score }) => (typeof intent === 'string' && labels.has(intent) ? [{ label: intent as TrainingLabel, score }] : [])),
        onTopic: await hasTopicEvidence(nlp, language, prepared),
      };
    },
  };
}
