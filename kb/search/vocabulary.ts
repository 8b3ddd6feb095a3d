import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../bot/paths.js';

/** What Meilisearch needs to understand how people write about IT in Mesa's languages. */
export interface Vocabulary {
  /** Each term maps to every term it shares a group with (Meilisearch synonyms are one-way). */
  synonyms: Record<string, string[]>;
  stopWords: string[];
}

const vocabularyFile = z.object({
  stopWords: z.array(z.string().min(1)).default([]),
  synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
});

/** The vocabulary files shipped with Mesa: one per language plus the cross-language groups. */
export function defaultVocabularyDir(): string {
  return join(projectRoot(), 'kb', 'search', 'vocabulary');
}

/**
 * Reads every `*.json` in `dir`. A file holds `stopWords` and `synonyms` as groups of equivalent terms. A term
 * in several groups gets the terms of each, but the groups stay apart: Italian "bloccato" is both "locked"
 * and "stuck", which does not make a locked account a stuck update.
 */
export function loadVocabulary(dir: string = defaultVocabularyDir()): Vocabulary {
  const stopWords = new Set<string>();
  const related = new Map<string, Set<string>>();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
    const parsed = vocabularyFile.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(`${join(dir, name)}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
    for (const word of parsed.data.stopWords) stopWords.add(word.toLowerCase());
    for (const group of parsed.data.synonyms) {
      const terms = group.map((term) => term.toLowerCase());
      for (const term of terms) {
        const known = related.get(term) ?? new Set<string>();
        for (const other of terms) if (other !== term) known.add(other);
        related.set(term, known);
      }
    }
  }
  const synonyms: Record<string, string[]> = {};
  for (const term of [...related.keys()].sort()) synonyms[term] = [...related.get(term)!].sort();
  return { synonyms, stopWords: [...stopWords].sort() };
}
