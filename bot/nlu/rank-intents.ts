import type { IntentGuess, Understanding } from './nlu.js';
import type { Classification } from './intent-classifier.js';
import { NONE_INTENT } from './load-intents.js';

/**
 * Below this share of the classifier's belief the bot asks instead of acting. Tuned on the
 * held-out sets in test/fixtures/nlu: lower lets off-topic text through, higher makes the bot
 * ask about short but clear messages.
 */
export const MIN_INTENT_SCORE = 0.5;
// Candidates this unlikely would only clutter a clarifying question.
const MIN_ALTERNATIVE_SCORE = 0.05;
const MAX_ALTERNATIVES = 3;

/** Turns a classification into the bot's decision: an intent, or null plus candidates to ask about. */
export function rankIntents({ scores, onTopic }: Classification): Understanding {
  const alternatives: IntentGuess[] = [];
  for (const { label, score } of [...scores].sort((a, b) => b.score - a.score)) {
    if (label === NONE_INTENT || score < MIN_ALTERNATIVE_SCORE) continue;
    alternatives.push({ intent: label, score });
    if (alternatives.length === MAX_ALTERNATIVES) break;
  }
  const best = alternatives[0];
  return {
    intent: onTopic && best && best.score >= MIN_INTENT_SCORE ? best.intent : null,
    score: best?.score ?? 0,
    alternatives,
  };
}
