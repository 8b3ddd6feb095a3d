import type { Language } from '../../core/language.js';
import type { AuditSubject, AuditTrail } from '../audit-trail.js';
import { DirectoryError, type Directory, type DirectoryUser } from '../directory.js';
import type { IdentityRepository, ResetLinkRecord } from '../identity-repository.js';
import type { SelfServiceSettings } from '../self-service-settings.js';
import type { SelfServiceRequest, VerifyOutcome } from '../self-service-types.js';
import { newLinkToken, type SecretHasher } from '../verification/secret-hasher.js';
import type { BreachedPasswords } from './breached-passwords.js';
import { checkPassword, type PasswordPolicy, type PolicyViolation } from './password-policy.js';

export interface ResetLinksOptions {
  directory: Directory;
  repository: IdentityRepository;
  hasher: SecretHasher;
  breached: BreachedPasswords;
  audit: AuditTrail;
  settings: SelfServiceSettings;
  clock: () => Date;
  /** Tells the user in their chat that the password was changed. */
  confirmInChat: (link: ResetLinkRecord) => Promise<void>;
}

/** Why a link does not open the form; the page explains each in the user's language. */
export type LinkProblem = 'invalid' | 'expired' | 'used';

export type LinkView = { status: 'ok'; username: string; language: Language; policy: PasswordPolicy; expiresAt: Date } | { status: LinkProblem; language?: Language };

export type CompleteOutcome =
  | { status: 'done'; language: Language }
  | { status: 'policy'; violations: Array<PolicyViolation | 'directory'>; language: Language }
  | { status: 'unavailable'; language: Language }
  | { status: LinkProblem; language?: Language };

const TOKEN_PURPOSE = 'reset-link';

/**
 * Single-use links to the reset page: the password is never typed into the chat. A link is claimed for one
 * submission at a time, and given back when the directory refuses, so a failure never burns it half-way.
 */
export class ResetLinks {
  constructor(private readonly options: ResetLinksOptions) {}

  /** Called once the code was right: stores only the token's hash and hands the link to the chat. */
  issue = async (user: DirectoryUser, request: SelfServiceRequest, verificationId: string, subject: AuditSubject): Promise<VerifyOutcome> => {
    const { repository, hasher, settings, clock, audit } = this.options;
    const token = newLinkToken();
    await repository.createLink({
      tokenHash: hasher.hash(TOKEN_PURPOSE, token),
      verificationId,
      mesaUserId: request.mesaUserId,
      conversationId: request.conversationId,
      channel: request.channel,
      directoryUserId: user.id,
      username: user.username,
      language: request.language,
      expiresAt: new Date(clock().getTime() + settings.linkTtlMs),
      usedAt: null,
    });
    await audit.record(subject, 'link_sent', 'ok');
    return { status: 'link_sent', link: `${settings.publicUrl()}/reset/${token}`, validMinutes: Math.round(settings.linkTtlMs / 60_000) };
  };

  async inspect(token: string): Promise<LinkView> {
    const found = await this.usable(token);
    if ('problem' in found) return { status: found.problem, ...(found.language ? { language: found.language } : {}) };
    const { link } = found;
    return { status: 'ok', username: link.username, language: link.language, policy: await this.options.directory.passwordPolicy(), expiresAt: link.expiresAt };
  }

  /** The live check of the reset page: which rules the candidate breaks. */
  async check(token: string, password: string): Promise<{ status: 'ok'; violations: PolicyViolation[] } | { status: LinkProblem }> {
    const found = await this.usable(token);
    if ('problem' in found) return { status: found.problem };
    return { status: 'ok', violations: checkPassword(await this.options.directory.passwordPolicy(), password, found.link.username, this.options.breached) };
  }

  async complete(token: string, password: string): Promise<CompleteOutcome> {
    const { repository, directory, hasher, audit, clock, settings } = this.options;
    const found = await this.usable(token);
    if ('problem' in found) {
      // Reused, expired and forged links are worth an admin's look: record them, without the token.
      const stale = found.stale;
      await audit.record({ kind: 'reset', mesaUserId: stale?.mesaUserId ?? null, channel: stale?.channel ?? null, username: stale?.username ?? null }, 'link_rejected', 'refused', found.problem);
      return { status: found.problem, ...(found.language ? { language: found.language } : {}) };
    }
    const { link } = found;
    const language = link.language;
    const subject: AuditSubject = { kind: 'reset', mesaUserId: link.mesaUserId, channel: link.channel, username: link.username };
    const violations = checkPassword(await directory.passwordPolicy(), password, link.username, this.options.breached);
    if (violations.length > 0) {
      await audit.record(subject, 'password_rejected', 'refused', violations.join(','));
      return { status: 'policy', violations, language };
    }
    const tokenHash = hasher.hash(TOKEN_PURPOSE, token);
    // Of concurrent submissions exactly one claims the link; the others see it used.
    if (!(await repository.claimLink(tokenHash, clock()))) {
      await audit.record(subject, 'link_rejected', 'refused', 'used');
      return { status: 'used', language };
    }
    try {
      await directory.setPassword({ id: link.directoryUserId, username: link.username, displayName: link.username }, password, { mustChangeAtNextLogon: settings.mustChangeAtNextLogon });
    } catch (error) {
      await repository.releaseLink(tokenHash);
      if (error instanceof DirectoryError && error.code === 'policy_rejected') {
        await audit.record(subject, 'password_rejected', 'refused', 'directory');
        return { status: 'policy', violations: ['directory'], language };
      }
      await audit.record(subject, 'failed', 'error', error instanceof DirectoryError ? `directory_${error.code}` : 'internal');
      if (error instanceof DirectoryError) return { status: 'unavailable', language };
      throw error;
    }
    await audit.record(subject, 'password_set', 'ok');
    await this.options.confirmInChat(link);
    return { status: 'done', language };
  }

  private async usable(token: string): Promise<{ link: ResetLinkRecord } | { problem: LinkProblem; language?: Language; stale?: ResetLinkRecord }> {
    const link = await this.options.repository.findLink(this.options.hasher.hash(TOKEN_PURPOSE, token));
    if (!link) return { problem: 'invalid' };
    if (link.usedAt) return { problem: 'used', language: link.language, stale: link };
    if (link.expiresAt <= this.options.clock()) return { problem: 'expired', language: link.language, stale: link };
    return { link };
  }
}
