import type { Action } from '../../bot/core/messages.js';
import { foldedPhrase } from '../../bot/core/text-folding.js';

const normalize = foldedPhrase;

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The choice a typed answer picks from a numbered list: its number ("2", "2.", "2)"), its label, or a label
 * with a typo or two (only when exactly one label is that close). Null when the answer is just text.
 */
export function matchChoice(answer: string, actions: Action[]): Action | null {
  if (actions.length === 0) return null;
  const number = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(answer)?.[1];
  if (number !== undefined) return actions[Number(number) - 1] ?? null;
  const typed = normalize(answer);
  if (typed.length === 0) return null;
  const exact = actions.find((action) => normalize(action.label) === typed);
  if (exact) return exact;
  const tolerance = typed.length >= 12 ? 2 : typed.length >= 5 ? 1 : 0;
  if (tolerance === 0) return null;
  const near = actions.filter((action) => editDistance(normalize(action.label), typed) <= tolerance);
  return near.length === 1 ? near[0]! : null;
}
