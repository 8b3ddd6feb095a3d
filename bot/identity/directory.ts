import type { VerifiedIdentity } from '../core/conversation-repository.js';
import type { PasswordPolicy } from './reset/password-policy.js';

/** A person as the directory knows them: where to send a code, and whom a reset applies to. */
export interface DirectoryUser {
  /** The directory's own stable id (an LDAP DN, an Entra object id). */
  id: string;
  /** The sign-in name shown to the user and checked against the new password (uid, sAMAccountName, UPN). */
  username: string;
  displayName: string;
  /** The registered email a code may be sent to (never one the user types in the chat). */
  email?: string;
  /** The registered mobile number (E.164 or as stored) a code may be sent to by SMS. */
  mobile?: string;
}

/** Options of a password change made by the service desk on the user's behalf. */
export interface SetPasswordOptions {
  /** Ask the directory to make the user choose another password at their next sign-in, where it can. */
  mustChangeAtNextLogon: boolean;
}

/** What a directory connector supports; the flows and the reset page speak only to this. */
export interface Directory {
  /** Which kind of directory this is, for logs and the audit (`openldap`, `active-directory`, `entra`, `demo`). */
  readonly kind: string;
  /**
   * The one directory user the channel's vouched-for identity belongs to; null when none matches.
   * Throws `DirectoryError('ambiguous_user')` when the identity matches several accounts: never guess whose.
   */
  findUser(identity: VerifiedIdentity): Promise<DirectoryUser | null>;
  isLocked(user: DirectoryUser): Promise<boolean>;
  /** Clears the lockout (and the failure counter) without touching the password. */
  unlock(user: DirectoryUser): Promise<void>;
  /** Throws `DirectoryError('policy_rejected')` when the directory refuses the password itself. */
  setPassword(user: DirectoryUser, password: string, options: SetPasswordOptions): Promise<void>;
  /** The rules a new password must meet, shown and checked on the reset page. */
  passwordPolicy(): Promise<PasswordPolicy>;
}

export type DirectoryErrorCode = 'unreachable' | 'ambiguous_user' | 'policy_rejected' | 'not_permitted' | 'failed';

/** A directory failure; `unreachable` means nothing was changed and trying later may work. */
export class DirectoryError extends Error {
  constructor(
    readonly code: DirectoryErrorCode,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DirectoryError';
  }
}
