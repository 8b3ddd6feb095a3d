import type { LanguageGuess } from '../nlu/nlu.js';
import type { ConversationState } from './conversation-state.js';

/** While the bot is still getting to know the user, a moderately sure guess is enough to follow them. */
const EARLY_TURNS = 3;
const EARLY_CONFIDENCE = 0.5;
/** Later, only a clear, longer message in another language moves the conversation without being asked. */
const LATE_CONFIDENCE = 0.85;
const LATE_MIN_WORDS = 4;

/** Decides whether a user message changes the conversation's language; explicit choices always stand. */
export function followUserLanguage(state: ConversationState, guess: LanguageGuess | null, text: string): ConversationState {
  if (!guess || guess.language === state.language || state.languageSource === 'explicit') return state;
  const early = state.userTurns <= EARLY_TURNS;
  const words = text.trim().split(/\s+/).length;
  const convinced = early ? guess.confidence >= EARLY_CONFIDENCE : guess.confidence >= LATE_CONFIDENCE && words >= LATE_MIN_WORDS;
  return convinced ? { ...state, language: guess.language, languageSource: 'detected' } : state;
}
