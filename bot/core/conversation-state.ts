import type { ConversationMemory } from './flow.js';
import type { Language } from './language.js';

/** How Mesa came to speak the conversation's current language; explicit choices are never overridden by guessing. */
export type LanguageSource = 'default' | 'hint' | 'remembered' | 'detected' | 'explicit';

export interface ActiveFlow {
  name: string;
  data: unknown;
}

/** Everything the bot remembers between two turns of one conversation. */
export interface ConversationState {
  language: Language;
  languageSource: LanguageSource;
  /** User messages handled so far; language detection is most eager on the first few. */
  userTurns: number;
  flow: ActiveFlow | null;
  /** Absent in states stored before memory existed. */
  memory?: ConversationMemory;
}

export function initialState(language: Language, source: LanguageSource): ConversationState {
  return { language, languageSource: source, userTurns: 0, flow: null };
}
