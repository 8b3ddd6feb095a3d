import { INTENTS, type IntentName } from '../nlu/nlu.js';
import { isLanguage, type Language } from './language.js';

/** Button ids the core understands anywhere in a conversation; flow-specific ids start with the flow name. */
export const actionIds = {
  intent: (intent: IntentName) => `intent.${intent}`,
  language: (language: Language) => `language.${language}`,
};

/**
 * The action id a user's file, image or voice note arrives with: the bot cannot read them, but a person
 * handling the user's ticket sees in the transcript that one was sent.
 */
export const ATTACHMENT_ACTION = 'attachment';

/** A file the user sent, as the transcript records it: its kind and, when the platform tells, its name. */
export function attachmentText(attachment: { kind: string; name?: string }): string {
  const name = (attachment.name ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 200);
  const kind = attachment.kind.replace(/[^\w./+-]/g, '').slice(0, 60) || 'file';
  return `\u{1F4CE} ${name ? `${name} (${kind})` : kind}`;
}

export type GlobalAction = { kind: 'intent'; intent: IntentName } | { kind: 'language'; language: Language };

export function parseGlobalAction(id: string): GlobalAction | null {
  const [kind, value] = id.split('.', 2);
  if (kind === 'intent' && (INTENTS as readonly string[]).includes(value ?? '')) return { kind: 'intent', intent: value as IntentName };
  if (kind === 'language' && isLanguage(value)) return { kind: 'language', language: value };
  return null;
}
