import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../../bot/core/language.js';
import { createNlu } from '../../bot/nlu/create-nlu.js';
import { INTENTS, type IntentName } from '../../bot/nlu/nlu.js';
import { localesDir, projectRoot } from '../../bot/paths.js';

/** A label of the held-out sets: an intent, or None for what Mesa should not take for one. */
type Label = IntentName | 'None';
type LabelledSet = Partial<Record<Label, string[]>>;

/** Intents that do something instead of solving a problem: the ones a problem description must not trigger. */
export const COMMAND_INTENTS: readonly IntentName[] = ['greeting', 'help', 'thanks', 'human', 'reset_password', 'unlock_account', 'ticket_status', 'service_request', 'switch_language'];

export interface NluQualityPhase {
  /** Per language: share right over every held-out message, and over the command intents' messages. */
  languages: Record<Language, { total: number; right: number; commandTotal: number; commandRight: number; negatives: number; negativesTaken: number }>;
  /** Per intent over all languages. */
  intents: Record<Label, { precision: number; recall: number; support: number }>;
  /** confusion[expected][got] = count, over all languages; got 'None' includes "no confident intent". */
  confusion: Record<Label, Record<Label, number>>;
  misses: Array<{ language: Language; text: string; expected: Label; got: Label }>;
}

function read(file: string): unknown {
  return JSON.parse(readFileSync(join(projectRoot(), file), 'utf8'));
}

/**
 * Both held-out sets, never used in training: test/fixtures/nlu/eval-<lang>.json and held-out.json (colloquial,
 * regional and accent-less phrasings, and `negatives`: problem descriptions that contain an intent's words).
 */
function heldOut(language: Language): { labelled: LabelledSet; negatives: string[] } {
  const evalSet = read(`test/fixtures/nlu/eval-${language}.json`) as LabelledSet;
  const mine = (read('test/fixtures/nlu/held-out.json') as Record<Language, LabelledSet & { negatives?: string[] }>)[language];
  const labelled: LabelledSet = { ...evalSet };
  for (const [label, texts] of Object.entries(mine ?? {})) {
    if (label === 'negatives') continue;
    labelled[label as Label] = [...(labelled[label as Label] ?? []), ...(texts as string[])];
  }
  return { labelled, negatives: mine?.negatives ?? [] };
}

/** Classifies every held-out message with the NLU as Mesa trains it, and counts what it got right and confused. */
export async function nluQualityPhase(): Promise<NluQualityPhase> {
  const nlu = await createNlu({ localesDir: localesDir() });
  const labels: Label[] = [...INTENTS, 'None'];
  const confusion = Object.fromEntries(labels.map((expected) => [expected, Object.fromEntries(labels.map((got) => [got, 0]))])) as NluQualityPhase['confusion'];
  const languages = {} as NluQualityPhase['languages'];
  const misses: NluQualityPhase['misses'] = [];
  for (const language of LANGUAGES) {
    const tally = { total: 0, right: 0, commandTotal: 0, commandRight: 0, negatives: 0, negativesTaken: 0 };
    const { labelled, negatives } = heldOut(language);
    for (const [label, texts] of Object.entries(labelled) as [Label, string[]][]) {
      for (const text of texts) {
        const got: Label = (await nlu.understand(text, language)).intent ?? 'None';
        confusion[label][got] += 1;
        const command = COMMAND_INTENTS.includes(label as IntentName);
        tally.total += 1;
        if (command) tally.commandTotal += 1;
        if (got === label) {
          tally.right += 1;
          if (command) tally.commandRight += 1;
        } else misses.push({ language, text, expected: label, got });
      }
    }
    for (const text of negatives) {
      const got = (await nlu.understand(text, language)).intent;
      tally.negatives += 1;
      if (got !== null && COMMAND_INTENTS.includes(got)) {
        tally.negativesTaken += 1;
        misses.push({ language, text, expected: 'report_problem', got });
      }
    }
    languages[language] = tally;
  }
  const intents = {} as NluQualityPhase['intents'];
  for (const label of labels) {
    const truePositives = confusion[label][label];
    const predicted = labels.reduce((sum, expected) => sum + confusion[expected][label], 0);
    const support = labels.reduce((sum, got) => sum + confusion[label][got], 0);
    intents[label] = { precision: predicted === 0 ? 1 : truePositives / predicted, recall: support === 0 ? 1 : truePositives / support, support };
  }
  return { languages, intents, confusion, misses };
}

const pct = (part: number, whole: number): string => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

export function printNluQuality(phase: NluQualityPhase, misses = 30): void {
  console.log('\n== Intent recognition on held-out messages (test/fixtures/nlu/eval-*.json + held-out.json) ==');
  for (const [language, t] of Object.entries(phase.languages)) {
    console.log(`  ${language}  all ${pct(t.right, t.total).padStart(6)} of ${t.total}   command intents ${pct(t.commandRight, t.commandTotal).padStart(6)} of ${t.commandTotal}   problem descriptions taken for a command ${pct(t.negativesTaken, t.negatives)} of ${t.negatives}`);
  }
  console.log('\n  intent            precision  recall  support');
  for (const [label, { precision, recall, support }] of Object.entries(phase.intents)) {
    console.log(`  ${label.padEnd(17)} ${pct(precision, 1).padStart(9)}  ${pct(recall, 1).padStart(6)}  ${String(support).padStart(7)}`);
  }
  const labels = Object.keys(phase.confusion);
  const short = (label: string) => label.slice(0, 6).padStart(6);
  console.log(`\n  confusion (rows expected, columns got)\n  ${''.padEnd(17)}${labels.map(short).join(' ')}`);
  for (const expected of labels) console.log(`  ${expected.padEnd(17)}${labels.map((got) => String(phase.confusion[expected as Label][got as Label] || '.').padStart(6)).join(' ')}`);
  if (phase.misses.length > 0) console.log(`\n  first ${Math.min(misses, phase.misses.length)} of ${phase.misses.length} misses:`);
  for (const miss of phase.misses.slice(0, misses)) console.log(`  [${miss.language}] ${miss.text}  (expected ${miss.expected}, got ${miss.got})`);
}
