import type { Nlp } from '@nlpjs/nlp';

// A stem used by at most this many trained labels points at a topic ("password", "printer", "hola");
// "the", "my", "need" or "laptop" appear across many intents and say little about which.
const MAX_LABELS_OF_TOPIC_WORD = 3;
// Without a topical word, a message this unknown to the classifier is not about anything it handles.
const MAX_UNKNOWN_SHARE = 0.5;

/**
 * Whether a message gives the classifier something to go on. NLP.js scores intents on whichever
 * words it knows, so "purple elephants dancing on the moon" comes out as a confident intent on the
 * strength of "on" and "the". A message with no topical word that is mostly unknown words is treated
 * as off-topic however confident the scores look, while "my laptop is dead" (one unknown word) is
 * left to the classifier. Unknown words get NLP.js's own spelling correction first, as in classification.
 */
export async function hasTopicEvidence(nlp: Nlp, locale: string, preparedText: string): Promise<boolean> {
  const nlu = nlp.nluManager.domainManagers[locale]?.domains['master_domain'];
  if (!nlu?.features || !nlu.featuresToIntent) return true;
  const { features, featuresToIntent } = nlu;
  const isTopical = (stem: string): boolean => (featuresToIntent[stem]?.length ?? Infinity) <= MAX_LABELS_OF_TOPIC_WORD;
  // Same text as the classification just before, so NLP.js answers from its memo.
  const stems = Object.keys(await nlu.prepare(preparedText));
  if (stems.some(isTopical)) return true;
  const unknown = stems.filter((stem) => !features[stem]);
  if (unknown.length === 0) return true;
  const corrected = nlu.spellCheck.check(unknown, 1);
  if (corrected.some(isTopical)) return true;
  return corrected.filter((stem) => !features[stem]).length / stems.length < MAX_UNKNOWN_SHARE;
}
