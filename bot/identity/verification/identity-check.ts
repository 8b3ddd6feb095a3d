import { randomUUID } from 'node:crypto';
import type { VerifiedIdentity } from '../../core/conversation-repository.js';
import type { AuditSubject, AuditTrail } from '../audit-trail.js';
import { DirectoryError, type Directory, type DirectoryUser } from '../directory.js';
import type { IdentityRepository } from '../identity-repository.js';
import { DAY_MS, type SelfServiceSettings } from '../self-service-settings.js';
import type { BeginOutcome, Locked, Refusal, Refused, SelfServiceRequest, VerifyOutcome } from '../self-service-types.js';
import { CodeDeliveryError, type CodeMailer, type SmsProvider } from './code-delivery.js';
import { maskAddress } from './mask-address.js';
import { newOneTimeCode, type SecretHasher } from './secret-hasher.js';

export interface IdentityCheckOptions {
  directory: Directory;
  repository: IdentityRepository;
  hasher: SecretHasher;
  mailer: CodeMailer | null;
  sms: SmsProvider;
  audit: AuditTrail;
  /** What the user's channel vouches for (from the conversation core's user record). */
  identityOf: (mesaUserId: string) => Promise<VerifiedIdentity | null>;
  settings: SelfServiceSettings;
  clock: () => Date;
}

const CODE_PURPOSE = 'otp';

/** What comes after a successful code: the reset link or the unlock. */
export type Verified = (user: DirectoryUser, request: SelfServiceRequest, verificationId: string, subject: AuditSubject) => Promise<VerifyOutcome>;

/**
 * The second factor after the channel's identity: a one-time code sent out of band to the address the
 * directory has on record, typed back into the chat. Wrong codes and repeated requests lock the flow.
 */
export class IdentityCheck {
  constructor(private readonly options: IdentityCheckOptions) {}

  async begin(request: SelfServiceRequest): Promise<BeginOutcome> {
    const { repository, audit, settings, clock } = this.options;
    const subject: AuditSubject = { kind: request.kind, mesaUserId: request.mesaUserId, channel: request.channel, username: null };
    const found = await this.findUser(request.mesaUserId);
    if ('refusal' in found) return this.refuse(subject, found.refusal);
    const user = found.user;
    subject.username = user.username;
    await audit.record(subject, 'requested', 'ok');
    const now = clock();
    if (await this.lockedNow(user.id)) return this.locked(subject, 'flow_locked');
    if ((await repository.requestsSince(user.id, new Date(now.getTime() - DAY_MS))) >= settings.maxRequestsPerDay) {
      await repository.lockFlow(user.id, new Date(now.getTime() + DAY_MS));
      return this.locked(subject, 'too_many_requests');
    }
    if (request.kind === 'unlock') {
      try {
        if (!(await this.options.directory.isLocked(user))) return this.refuse(subject, 'not_locked');
      } catch (error) {
        return this.refuse(subject, refusalOf(error));
      }
    }
    const via = user.email && this.options.mailer ? 'email' : user.mobile && this.options.sms.configured ? 'sms' : null;
    if (!via) return this.refuse(subject, 'no_contact');
    const code = newOneTimeCode(settings.codeDigits);
    const verificationId = randomUUID();
    await repository.createVerification({
      id: verificationId,
      kind: request.kind,
      mesaUserId: request.mesaUserId,
      conversationId: request.conversationId,
      channel: request.channel,
      directoryUserId: user.id,
      username: user.username,
      codeHash: this.options.hasher.hash(CODE_PURPOSE, code),
      expiresAt: new Date(now.getTime() + settings.codeTtlMs),
      failures: 0,
      usedAt: null,
      createdAt: now,
    });
    const to = via === 'email' ? user.email! : user.mobile!;
    const validMinutes = Math.round(settings.codeTtlMs / 60_000);
    try {
      const message = { to, code, language: request.language, displayName: user.displayName, validMinutes };
      await (via === 'email' ? this.options.mailer!.send(message) : this.options.sms.send(message));
    } catch (error) {
      // A code nobody received must not stay usable.
      await repository.useVerification(verificationId, now);
      if (error instanceof CodeDeliveryError) return this.refuse(subject, 'delivery_failed', error.message);
      throw error;
    }
    await audit.record(subject, 'code_sent', 'ok', via);
    return { status: 'code_sent', verificationId, via, maskedTo: maskAddress(to), validMinutes };
  }

  async verify(request: SelfServiceRequest, verificationId: string, code: string, then: Verified): Promise<VerifyOutcome> {
    const { repository, hasher, audit, settings, clock } = this.options;
    const record = await repository.findVerification(verificationId);
    // A verification belongs to the conversation that asked for it: another user's code gets nowhere.
    if (!record || record.mesaUserId !== request.mesaUserId) return { status: 'expired' };
    const subject: AuditSubject = { kind: record.kind, mesaUserId: request.mesaUserId, channel: request.channel, username: record.username };
    const now = clock();
    if (await this.lockedNow(record.directoryUserId)) return this.locked(subject, 'flow_locked');
    if (record.usedAt || record.expiresAt <= now) {
      await audit.record(subject, 'code_expired', 'refused');
      return { status: 'expired' };
    }
    const candidate = codeIn(code, settings.codeDigits);
    if (!candidate || !hasher.matches(CODE_PURPOSE, candidate, record.codeHash)) {
      await repository.addWrongCode(record.id);
      const wrong = await repository.wrongCodesSince(record.directoryUserId, new Date(now.getTime() - DAY_MS));
      await audit.record(subject, 'code_wrong', 'refused', `${wrong}/${settings.maxWrongCodes}`);
      if (wrong < settings.maxWrongCodes) return { status: 'wrong', remaining: settings.maxWrongCodes - wrong };
      await repository.useVerification(record.id, now);
      await repository.lockFlow(record.directoryUserId, new Date(now.getTime() + DAY_MS));
      return this.locked(subject, 'too_many_wrong_codes');
    }
    if (!(await repository.useVerification(record.id, now))) return { status: 'expired' };
    await audit.record(subject, 'verified', 'ok');
    // Look the account up again: the identity must still lead to the account the code was sent for.
    const found = await this.findUser(request.mesaUserId);
    if ('refusal' in found) return this.refuse(subject, found.refusal);
    if (found.user.id !== record.directoryUserId) return this.refuse(subject, 'unknown_user', 'identity_changed');
    return then(found.user, request, record.id, subject);
  }

  private async findUser(mesaUserId: string): Promise<{ user: DirectoryUser } | { refusal: Refusal }> {
    const identity = await this.options.identityOf(mesaUserId);
    if (!identity || Object.values(identity).every((value) => !value)) return { refusal: 'anonymous' };
    try {
      const user = await this.options.directory.findUser(identity);
      return user ? { user } : { refusal: 'unknown_user' };
    } catch (error) {
      return { refusal: refusalOf(error) };
    }
  }

  private async lockedNow(directoryUserId: string): Promise<boolean> {
    const until = await this.options.repository.flowLockedUntil(directoryUserId);
    return until !== null && until > this.options.clock();
  }

  private async refuse(subject: AuditSubject, reason: Refusal, detail: string = reason): Promise<Refused> {
    const error = reason === 'directory_unreachable' || reason === 'delivery_failed';
    await this.options.audit.record(subject, error ? 'failed' : 'refused', error ? 'error' : 'refused', detail);
    return { status: 'refused', reason, history: subject.username ? await this.options.audit.historyOf(subject.username) : [] };
  }

  private async locked(subject: AuditSubject, detail: 'flow_locked' | 'too_many_requests' | 'too_many_wrong_codes'): Promise<Locked> {
    await this.options.audit.record(subject, 'locked_out', 'refused', detail);
    return { status: 'locked', fresh: detail !== 'flow_locked', history: await this.options.audit.historyOf(subject.username ?? ''), username: subject.username ?? '' };
  }
}

/** The code in what the user typed ("123 456", "my code is 123456"); null when there is none of the right length. */
export function codeIn(text: string, digits: number): string | null {
  const runs = (text.match(/\d(?:[\s-]?\d)*/g) ?? []).map((run) => run.replace(/[\s-]/g, ''));
  return runs.find((run) => run.length === digits) ?? null;
}

/** What a directory failure means to the user; an ambiguous identity is treated as unknown, never guessed. */
export function refusalOf(error: unknown): Refusal {
  if (error instanceof DirectoryError) return error.code === 'ambiguous_user' ? 'unknown_user' : 'directory_unreachable';
  throw error;
}
