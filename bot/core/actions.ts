import { INTENTS, type IntentName } from '../nlu/nlu.js';
import { isLanguage, type Language } from './language.js';

/** Button ids the core understands anywhere in a conversation; flow-specific ids start with the flow name. */
export const actionIds = {
  intent: (intent: IntentName) => `intent.${intent}`,
  language: (language: Language) => `language.${language}`,
};

export type GlobalAction = { kind: 'intent'; intent: IntentName } | { kind: 'language'; language: Language };

export function parseGlobalAction(id: string): GlobalAction | null {
  const [kind, value] = id.split('.', 2);
  if (kind === 'intent' && (INTENTS as readonly string[]).includes(value ?? '')) return { kind: 'intent', intent: value as IntentName };
  if (kind === 'language' && isLanguage(value)) return { kind: 'language', language: value };
  return null;
}
