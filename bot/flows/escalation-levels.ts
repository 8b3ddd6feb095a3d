import type { Level } from '../core/help-desk.js';
import type { Action } from '../core/messages.js';
import type { Translate } from '../i18n/translator.js';
import { plainText } from './plain-text.js';

export type LevelQuestion = 'impact' | 'urgency';

/** The options in the order they are shown, so a typed 1, 2 or 3 means the same as the button in that place. */
const OPTIONS: Record<LevelQuestion, readonly Level[]> = { impact: ['low', 'medium', 'high'], urgency: ['high', 'medium', 'low'] };

const levelId = (question: LevelQuestion, level: Level) => `escalate.${question}.${level}`;

export function levelActions(t: Translate, question: LevelQuestion): Action[] {
  return OPTIONS[question].map((level) => ({ id: levelId(question, level), label: t(`bot:escalate.${question}.${level}`) }));
}

/**
 * Reads an answer to "who is affected?" or "how much does it stop you?": the button, its place (1–3), its
 * label or everyday words for it ("only me", "no puedo trabajar"). Null when it cannot tell, including when
 * the words point two ways.
 */
export function readLevel(t: Translate, question: LevelQuestion, answer: { text: string; actionId?: string }): Level | null {
  if (answer.actionId) return OPTIONS[question].find((level) => answer.actionId === levelId(question, level)) ?? null;
  const text = plainText(answer.text);
  if (/^[1-3]$/.test(text)) return OPTIONS[question][Number(text) - 1] ?? null;
  const found = new Set(phraseMatches(t, question, text).map((match) => match.level));
  return found.size === 1 ? [...found][0]! : null;
}

interface Match {
  level: Level;
  start: number;
  end: number;
}

type LevelPhrases = Array<{ level: Level; phrases: string[] }>;

// Normalised once per language and question: the locale strings do not change while Mesa runs.
const phraseCache = new WeakMap<Translate, Map<LevelQuestion, LevelPhrases>>();

function levelPhrases(t: Translate, question: LevelQuestion): LevelPhrases {
  let byQuestion = phraseCache.get(t);
  if (!byQuestion) phraseCache.set(t, (byQuestion = new Map()));
  let phrases = byQuestion.get(question);
  if (!phrases) {
    phrases = OPTIONS[question].map((level) => ({
      level,
      phrases: [t(`bot:escalate.${question}.${level}`), ...t(`bot:escalate.words.${question}_${level}`).split('|')].map(plainText).filter(Boolean),
    }));
    byQuestion.set(question, phrases);
  }
  return phrases;
}

function phraseMatches(t: Translate, question: LevelQuestion, text: string): Match[] {
  const padded = ` ${text} `;
  const matches: Match[] = [];
  for (const { level, phrases } of levelPhrases(t, question)) {
    for (const phrase of phrases) {
      for (let at = padded.indexOf(` ${phrase} `); at !== -1; at = padded.indexOf(` ${phrase} `, at + 1)) {
        matches.push({ level, start: at, end: at + phrase.length });
      }
    }
  }
  // "not urgent" also contains "urgent": a phrase inside a longer one that matched does not count.
  return matches.filter((match) => !matches.some((other) => other !== match && other.start <= match.start && other.end >= match.end && other.end - other.start > match.end - match.start));
}
