import type { Language } from '../core/language.js';
import type { SelfServiceKind } from './identity-repository.js';

/** Who asks, from which conversation: the flow's view of a request. */
export interface SelfServiceRequest {
  kind: SelfServiceKind;
  mesaUserId: string;
  conversationId: string;
  channel: string;
  language: Language;
}

/** Why the bot cannot help by itself; each has a localized explanation and offers a person. */
export type Refusal =
  | 'anonymous'
  | 'unknown_user'
  | 'no_contact'
  | 'not_locked'
  | 'directory_unreachable'
  | 'delivery_failed';

export type BeginOutcome =
  | { status: 'code_sent'; verificationId: string; via: 'email' | 'sms'; maskedTo: string; validMinutes: number }
  | Refused
  | Locked;

/**
 * The flow is locked for the account. `fresh` when this very attempt locked it (the service desk must hear of
 * it, with the history); false when it was already locked (it has heard).
 */
export interface Locked {
  status: 'locked';
  fresh: boolean;
  history: string[];
  username: string;
}

/** The bot cannot go on by itself; `history` is the account's recent self-service audit, for the ticket. */
export interface Refused {
  status: 'refused';
  reason: Refusal;
  history: string[];
}

export type VerifyOutcome =
  | { status: 'link_sent'; link: string; validMinutes: number }
  | { status: 'unlocked' }
  | { status: 'wrong'; remaining: number }
  | { status: 'expired' }
  | Refused
  | Locked;
