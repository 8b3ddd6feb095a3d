import type { VerifiedIdentity } from '../core/conversation-repository.js';
import type { Logger } from '../logger.js';
import { AuditTrail, type AuditSubject } from './audit-trail.js';
import type { Directory, DirectoryUser } from './directory.js';
import type { IdentityRepository, ResetLinkRecord } from './identity-repository.js';
import type { BreachedPasswords } from './reset/breached-passwords.js';
import { ResetLinks } from './reset/reset-links.js';
import type { SelfServiceSettings } from './self-service-settings.js';
import type { BeginOutcome, SelfServiceRequest, VerifyOutcome } from './self-service-types.js';
import type { CodeMailer, SmsProvider } from './verification/code-delivery.js';
import { IdentityCheck, refusalOf } from './verification/identity-check.js';
import type { SecretHasher } from './verification/secret-hasher.js';

export interface SelfServiceOptions {
  directory: Directory;
  repository: IdentityRepository;
  hasher: SecretHasher;
  mailer: CodeMailer | null;
  sms: SmsProvider;
  breached: BreachedPasswords;
  identityOf: (mesaUserId: string) => Promise<VerifiedIdentity | null>;
  confirmInChat: (link: ResetLinkRecord) => Promise<void>;
  settings: SelfServiceSettings;
  logger: Logger;
  clock: () => Date;
}

/** Password reset and account unlock for users the channel vouches for, after a second factor. */
export class SelfService {
  readonly links: ResetLinks;
  readonly audit: AuditTrail;
  private readonly identity: IdentityCheck;

  constructor(private readonly options: SelfServiceOptions) {
    this.audit = new AuditTrail(options.repository, options.logger, options.clock);
    this.identity = new IdentityCheck({ ...options, audit: this.audit });
    this.links = new ResetLinks({ ...options, audit: this.audit });
  }

  /** Finds the user's account and sends them a code; or says why not. */
  begin(request: SelfServiceRequest): Promise<BeginOutcome> {
    return this.identity.begin(request);
  }

  /** Checks the code typed in the chat; when right, sends the reset link or unlocks the account. */
  verify(request: SelfServiceRequest, verificationId: string, code: string): Promise<VerifyOutcome> {
    return this.identity.verify(request, verificationId, code, request.kind === 'reset' ? this.links.issue : this.unlock);
  }

  private unlock = async (user: DirectoryUser, _request: SelfServiceRequest, _verificationId: string, subject: AuditSubject): Promise<VerifyOutcome> => {
    try {
      await this.options.directory.unlock(user);
    } catch (error) {
      const reason = refusalOf(error);
      await this.audit.record(subject, 'failed', 'error', reason);
      return { status: 'refused', reason, history: await this.audit.historyOf(user.username) };
    }
    await this.audit.record(subject, 'unlocked', 'ok');
    return { status: 'unlocked' };
  };
}
