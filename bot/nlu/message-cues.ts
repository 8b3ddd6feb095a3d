import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { foldedPhrase } from '../core/text-folding.js';
import { projectRoot } from '../paths.js';

/** What the words of a message say about it, beyond its intent. */
export interface MessageSignals {
  /** Words that describe something wrong ("doesn't work", "no me deja", "how do I…"): a problem to search for. */
  describesProblem: boolean;
  /** Words that ask for the reset/unlock itself ("reset", "olvidé", "sbloccare"), rather than describe a state. */
  asksForAction: boolean;
  /** A named system other than the company account (SAP, the ERP, Webex…), whose own article beats the generic flow. */
  application: string | null;
  /** A word of life outside IT (bank, salary, recipe, weather…): an article must match strongly to be offered. */
  offTopic: string | null;
  /** Words in the message, after folding. */
  words: number;
}

export interface MessageCues {
  read(text: string): MessageSignals;
}

const cueFile = z.object({
  problem: z.array(z.string().min(1)).default([]),
  actionVerbs: z.array(z.string().min(1)).default([]),
  applications: z.array(z.string().min(1)).default([]),
  offTopic: z.array(z.string().min(1)).default([]),
});

/** The cue files shipped with Mesa: one per language plus the application names, reviewable as data. */
export function defaultCuesDir(): string {
  return join(projectRoot(), 'bot', 'nlu', 'cues');
}

// Cues are folded phrases matched on whole words; one pattern per list keeps a read to three regex tests.
function phrasePattern(phrases: Iterable<string>): RegExp | null {
  const folded = [...new Set([...phrases].map((phrase) => foldedPhrase(phrase)).filter((phrase) => phrase !== ''))];
  if (folded.length === 0) return null;
  folded.sort((a, b) => b.length - a.length);
  return new RegExp(`(?:^| )(${folded.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?= |$)`);
}

/**
 * Reads every `*.json` in `dir`. All languages' cues apply to every message, since people mix languages
 * ("password expired, come la cambio?") and a cue of one language rarely means something else in another.
 */
export function loadMessageCues(dir: string = defaultCuesDir()): MessageCues {
  const problem: string[] = [];
  const actionVerbs: string[] = [];
  const applications: string[] = [];
  const offTopic: string[] = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
    const parsed = cueFile.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(`${join(dir, name)}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
    problem.push(...parsed.data.problem);
    actionVerbs.push(...parsed.data.actionVerbs);
    applications.push(...parsed.data.applications);
    offTopic.push(...parsed.data.offTopic);
  }
  return messageCues({ problem, actionVerbs, applications, offTopic });
}

/** Cues from lists in memory (tests, or cues edited elsewhere). */
export function messageCues(lists: { problem: string[]; actionVerbs: string[]; applications: string[]; offTopic?: string[] }): MessageCues {
  const problem = phrasePattern(lists.problem);
  const action = phrasePattern(lists.actionVerbs);
  const application = phrasePattern(lists.applications);
  const offTopic = phrasePattern(lists.offTopic ?? []);
  return {
    read(text) {
      // Apostrophes vanish rather than split: "doesn't" folds to "doesnt", as typed without one.
      const folded = foldedPhrase(text.replace(/['’]/g, ''));
      return {
        describesProblem: problem?.test(folded) ?? false,
        asksForAction: action?.test(folded) ?? false,
        application: application?.exec(folded)?.[1] ?? null,
        offTopic: offTopic?.exec(folded)?.[1] ?? null,
        words: folded === '' ? 0 : folded.split(' ').length,
      };
    },
  };
}
