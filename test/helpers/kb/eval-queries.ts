import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../../bot/core/language.js';

/** One question of the project's evaluation set: what a user wrote and the article that answers it (null: none). */
export interface EvalQuery {
  query: string;
  lang: Language;
  expected: string | null;
  kind: string;
}

export function loadEvalQueries(root: string): EvalQuery[] {
  return JSON.parse(readFileSync(join(root, 'test/fixtures/kb/eval-queries.json'), 'utf8')) as EvalQuery[];
}

/** How often the right article came first, among the first three, or offered at all; and false offers off-topic. */
export interface OfferTally {
  answerable: number;
  top1: number;
  top3: number;
  offTopic: number;
  falseOffers: number;
}

/** What one question got: the article ids offered, best first. */
export interface Answer {
  query: EvalQuery;
  offered: string[];
  /** The bot's first reply text, to show what a miss got instead. */
  reply?: string;
  /** Button ids of those replies. */
  actions?: string[];
}

/** Tallies answers overall ('all'), per language ('lang xx') and per kind ('kind yy'). */
export function tallyAnswers(answers: Answer[]): Map<string, OfferTally> {
  const tallies = new Map<string, OfferTally>();
  for (const { query, offered } of answers) {
    for (const key of ['all', `lang ${query.lang}`, `kind ${query.kind}`]) {
      const tally = tallies.get(key) ?? { answerable: 0, top1: 0, top3: 0, offTopic: 0, falseOffers: 0 };
      if (query.expected === null) {
        tally.offTopic += 1;
        if (offered.length > 0) tally.falseOffers += 1;
      } else {
        const rank = offered.indexOf(query.expected);
        tally.answerable += 1;
        if (rank === 0) tally.top1 += 1;
        if (rank >= 0 && rank < 3) tally.top3 += 1;
      }
      tallies.set(key, tally);
    }
  }
  return tallies;
}

const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

/** One line per tally, 'all' first, for a report. */
export function tallyLines(tallies: Map<string, OfferTally>, figures: 'search' | 'chat'): string[] {
  const keys = [...tallies.keys()].sort((a, b) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)));
  return keys.map((key) => {
    const t = tallies.get(key)!;
    const hits = figures === 'search' ? `top-1 ${percent(t.top1, t.answerable).padStart(6)}  top-3 ${percent(t.top3, t.answerable).padStart(6)}` : `offered ${percent(t.top3, t.answerable).padStart(6)}`;
    return `${key.padEnd(22)} ${hits}  (${t.answerable})   false offers ${percent(t.falseOffers, t.offTopic).padStart(6)}  (${t.offTopic})`;
  });
}
