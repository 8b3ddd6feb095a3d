import type { ConversationState } from '../core/conversation-state.js';
import type { Redactor } from '../core/redaction.js';

/** The flows that wait for a one-time code in the chat (bot/flows/self-service.ts). */
export const SECRET_FLOWS: ReadonlySet<string> = new Set(['password-reset', 'account-unlock']);

/** A run of four or more digits, maybe spaced or hyphenated as people type codes ("123 456"). */
const CODE_LIKE = /\d(?:[\s-]?\d){3,}/;

function waitsForCode(state: ConversationState): boolean {
  const flow = state.flow;
  return flow !== null && SECRET_FLOWS.has(flow.name) && (flow.data as { step?: unknown } | null)?.step === 'code';
}

/**
 * Pasted code and stack traces ("com.acme.Tunnel.open(Tunnel.java:42)", "Main::run", "x[0]=5") mix cases,
 * digits and symbols too, but in shapes nobody picks as a password: a name called, dotted paths, scopes, indexes.
 */
function looksLikeCode(word: string): boolean {
  return /\w\(|\w::\w|\w\.\w+\.\w|\w\[\d*\]/.test(word);
}

/**
 * A word that reads as a password: 8–64 characters mixing lower case, upper case and digits, with a symbol or a
 * digit before its end. "Summer2024!" and "Xk9mQ2vL" are; "Windows10", "iPhone12", "SD-000123" and links are not.
 */
export function looksLikePassword(text: string): boolean {
  return text.split(/\s+/).some((typed) => {
    // A full stop or comma after a word ends the sentence, not the password ("I use Windows10.").
    const word = typed.replace(/[.,;:]+$/, '');
    if (word.length < 8 || word.length > 64 || /:\/\/|@.+\./.test(word) || looksLikeCode(word)) return false;
    if (!/\p{Ll}/u.test(word) || !/\p{Lu}/u.test(word) || !/\d/.test(word)) return false;
    return /[^\p{L}\d]/u.test(word) || /\d\D/.test(word);
  });
}

/**
 * Keeps one-time codes and anything that looks like a password out of the transcript, the logs and tickets:
 * while a self-service flow waits for a code, whatever contains one is a secret for that flow only; a
 * password-like word at any time is hidden and dropped.
 */
export function selfServiceRedactor(): Redactor {
  return (text, state) => {
    if (waitsForCode(state) && CODE_LIKE.test(text)) return 'secret';
    return looksLikePassword(text) ? 'discard' : null;
  };
}
