import type { Language } from '../core/language.js';

/** The two things a user may do for themselves once verified. */
export type SelfServiceKind = 'reset' | 'unlock';

/** One "prove it's you" round: a code sent out of band, kept only as a hash. */
export interface VerificationRecord {
  id: string;
  kind: SelfServiceKind;
  mesaUserId: string;
  conversationId: string;
  channel: string;
  directoryUserId: string;
  username: string;
  codeHash: string;
  expiresAt: Date;
  failures: number;
  usedAt: Date | null;
  createdAt: Date;
}

/** A single-use link to the reset page, issued after a verification; only the token's hash is kept. */
export interface ResetLinkRecord {
  tokenHash: string;
  verificationId: string;
  mesaUserId: string;
  conversationId: string;
  channel: string;
  directoryUserId: string;
  username: string;
  language: Language;
  expiresAt: Date;
  usedAt: Date | null;
}

/** What happened, to whom and where; never a code, a token or a password. */
export type AuditEvent =
  | 'requested'
  | 'refused'
  | 'code_sent'
  | 'code_wrong'
  | 'code_expired'
  | 'verified'
  | 'link_sent'
  | 'link_rejected'
  | 'password_set'
  | 'password_rejected'
  | 'unlocked'
  | 'locked_out'
  | 'failed';

export interface AuditEntry {
  at: Date;
  kind: SelfServiceKind;
  event: AuditEvent;
  outcome: 'ok' | 'refused' | 'error';
  mesaUserId: string | null;
  channel: string | null;
  /** The directory account concerned, when known. */
  username: string | null;
  /** A reason code (`unknown_user`, `directory_unreachable`…), never user input. */
  detail: string | null;
}

/** What self-service password reset and unlock need from storage, in their own words. */
export interface IdentityRepository {
  createVerification(record: VerificationRecord): Promise<void>;
  findVerification(id: string): Promise<VerificationRecord | null>;
  /** Counts one more wrong code and returns the new count. */
  addWrongCode(id: string): Promise<number>;
  /** Marks the code used; false when it already was (a code works once). */
  useVerification(id: string, at: Date): Promise<boolean>;
  /** Verifications started for the account since then. */
  requestsSince(directoryUserId: string, since: Date): Promise<number>;
  /** Wrong codes typed for the account since then, across verifications. */
  wrongCodesSince(directoryUserId: string, since: Date): Promise<number>;
  createLink(record: ResetLinkRecord): Promise<void>;
  findLink(tokenHash: string): Promise<ResetLinkRecord | null>;
  /** Takes the link for one submission; of concurrent claims exactly one wins. False when used, taken or expired. */
  claimLink(tokenHash: string, at: Date): Promise<boolean>;
  /** Gives a claimed link back when the directory refused the change, so nothing is half-applied. */
  releaseLink(tokenHash: string): Promise<void>;
  lockFlow(directoryUserId: string, until: Date): Promise<void>;
  flowLockedUntil(directoryUserId: string): Promise<Date | null>;
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first; optionally only one account's. */
  audit(query: { limit: number; username?: string }): Promise<AuditEntry[]>;
}
