import type { Language } from '../core/language.js';

/** Everything the bot can recognise; training utterances live in locales/<lang>/intents.json. */
export const INTENTS = [
  'greeting',
  'help',
  'thanks',
  'human',
  'reset_password',
  'unlock_account',
  'ticket_status',
  'report_problem',
  'service_request',
  'switch_language',
] as const;

export type IntentName = (typeof INTENTS)[number];

export interface IntentGuess {
  intent: IntentName;
  score: number;
}

export interface Understanding {
  /** null when no intent is confident enough: the bot asks instead of guessing. */
  intent: IntentName | null;
  score: number;
  /** Best candidates first, for a clarifying question. */
  alternatives: IntentGuess[];
  /** For switch_language: the language the user asked for. */
  requestedLanguage?: Language;
}

export interface LanguageGuess {
  language: Language;
  /** 0..1; how sure the detector is compared with the other languages. */
  confidence: number;
}

export interface Nlu {
  /** null when the text carries no usable language signal ("ok", "VPN", "123"). */
  detectLanguage(text: string): LanguageGuess | null;
  /** Classifies text written (mostly) in `language`. */
  understand(text: string, language: Language): Promise<Understanding>;
}
