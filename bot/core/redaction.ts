import type { ConversationState } from './conversation-state.js';
import { RecentlyUsed } from './recently-used.js';

/** What the transcript, the logs and tickets show instead of a secret the user typed. */
export const REDACTED_TEXT = '••••••';

/**
 * Decides, before a user's message is stored, whether it must be hidden: `secret` when the active flow is
 * waiting for it (a one-time code: the flow still gets it, from memory only), `discard` when it merely looks
 * like a password (nobody needs it), null to store it as typed.
 */
export type Redactor = (text: string, state: ConversationState) => 'secret' | 'discard' | null;

/**
 * Hands a redacted secret from the accepting request to its turn without storing it anywhere. After a crash it
 * is gone, and the flow asks for it again: that is the price of never writing it down. (So is a code typed while
 * the same conversation's previous turn is still running, which may start before the secret is put here.)
 */
export class SecretInbox {
  private readonly held = new RecentlyUsed<string, string>(10_000);

  put(messageId: string, text: string): void {
    this.held.set(messageId, text);
  }

  /** The secret of that message, once. */
  take(messageId: string): string | undefined {
    const text = this.held.get(messageId);
    this.held.delete(messageId);
    return text;
  }
}
