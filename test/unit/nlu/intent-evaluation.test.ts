import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../../../bot/core/language.js';
import { createNlu } from '../../../bot/nlu/create-nlu.js';
import { INTENTS, type IntentName } from '../../../bot/nlu/nlu.js';
import { localesDir, projectRoot } from '../../../bot/paths.js';

// Held-out sets: phrasings that are not in locales/<lang>/intents.json. "None" lists off-topic messages.
type EvaluationSet = Record<IntentName | 'None', string[]>;

interface Miss {
  text: string;
  expected: IntentName | null;
  got: IntentName | null;
}

function evaluationSet(language: Language): EvaluationSet {
  return JSON.parse(readFileSync(join(projectRoot(), 'test/fixtures/nlu', `eval-${language}.json`), 'utf8')) as EvaluationSet;
}

const nlu = await createNlu({ localesDir: localesDir() });

// Scored once up front so each language's accuracy can be part of its test name.
const results = await Promise.all(
  LANGUAGES.map(async (language) => {
    const set = evaluationSet(language);
    const misses: Miss[] = [];
    let total = 0;
    for (const [label, texts] of Object.entries(set)) {
      const expected = label === 'None' ? null : (label as IntentName);
      for (const text of texts) {
        total += 1;
        const { intent } = await nlu.understand(text, language);
        if (intent !== expected) misses.push({ text, expected, got: intent });
      }
    }
    const accuracy = (total - misses.length) / total;
    return { language, set, misses, accuracy, label: `${(accuracy * 100).toFixed(1)}% of ${total}` };
  }),
);

describe.each(results)('held-out intents in $language: $label correct', ({ set, misses, accuracy }) => {
  it('has at least 8 examples of every intent and 10 off-topic messages', () => {
    for (const intent of INTENTS) expect(set[intent].length).toBeGreaterThanOrEqual(8);
    expect(set.None.length).toBeGreaterThanOrEqual(10);
  });

  it('understands at least 90% of messages it never saw in training', () => {
    // Compared as an object so a failure lists the misses, i.e. what users would run into.
    expect({ atLeast90Percent: accuracy >= 0.9, misses }).toMatchObject({ atLeast90Percent: true });
  });
});
