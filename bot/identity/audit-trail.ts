import type { Logger } from '../logger.js';
import type { AuditEntry, AuditEvent, IdentityRepository, SelfServiceKind } from './identity-repository.js';

/** Who is acting and where, stamped on each audit entry of one attempt. */
export interface AuditSubject {
  kind: SelfServiceKind;
  mesaUserId: string | null;
  channel: string | null;
  username: string | null;
}

/** Records every step of self-service in the audit table and in the log: never a code, token or password. */
export class AuditTrail {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly logger: Logger,
    private readonly clock: () => Date,
  ) {}

  async record(subject: AuditSubject, event: AuditEvent, outcome: AuditEntry['outcome'], detail: string | null = null): Promise<void> {
    const entry: AuditEntry = { at: this.clock(), ...subject, event, outcome, detail };
    await this.repository.appendAudit(entry);
    this.logger.info({ audit: 'identity', kind: entry.kind, event, outcome, channel: entry.channel, username: entry.username, detail }, 'identity self-service');
  }

  /** The account's recent history, oldest first, as lines an analyst can read in a ticket. */
  async historyOf(username: string, limit = 20): Promise<string[]> {
    const entries = await this.repository.audit({ limit, username });
    return entries.reverse().map((entry) => `${entry.at.toISOString()} ${entry.kind} ${entry.event} (${entry.outcome}${entry.detail ? `: ${entry.detail}` : ''}) via ${entry.channel ?? '?'}`);
  }
}
