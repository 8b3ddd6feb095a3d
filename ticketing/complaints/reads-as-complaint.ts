import { foldedPhrase } from '../../bot/core/text-folding.js';
import { COMPLAINT_TERMS } from './complaint-terms.js';

/** Lower case without accents, words separated by single spaces: "Reclamação!" → "reclamacao". */
export const foldText = foldedPhrase;

const TERMS = [...new Set(Object.values(COMPLAINT_TERMS).flat().map(foldText))];

/** Whether a survey comment reads as a complaint: a term starts at a word ("complaints", "reclamos" count too). */
export function readsAsComplaint(comment: string): boolean {
  const words = ` ${foldText(comment)}`;
  return TERMS.some((term) => words.includes(` ${term}`));
}
