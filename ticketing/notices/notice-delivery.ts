import type { ConversationGateway } from '../../bot/core/conversation-gateway.js';
import type { PendingNotice } from '../tickets/ticket-change.js';
import type { TicketRepository } from '../tickets/ticket-repository.js';
import type { DeskLogger } from '../desk/desk-deps.js';

/**
 * Takes notices from the outbox to the user's conversation. A notice is marked delivered only after the
 * gateway took it; one that failed stays in the outbox for the next round, and the dedupe key `notice:<id>`
 * makes a second delivery of the same notice harmless.
 */
export class NoticeDelivery {
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: { repository: TicketRepository; gateway: ConversationGateway; clock: () => Date; logger: DeskLogger }) {}

  /** In outbox order; after a failure the rest of that conversation waits, so the user never hears them out of order. */
  async deliver(notices: readonly PendingNotice[]): Promise<void> {
    const blocked = new Set<string>();
    for (const pending of notices) {
      if (blocked.has(pending.conversationId) || this.inFlight.has(pending.id)) {
        blocked.add(pending.conversationId);
        continue;
      }
      if (!(await this.deliverOne(pending))) blocked.add(pending.conversationId);
    }
  }

  async deliverPending(): Promise<void> {
    await this.deliver(await this.options.repository.pendingNotices());
  }

  private async deliverOne(pending: PendingNotice): Promise<boolean> {
    this.inFlight.add(pending.id);
    try {
      await this.options.gateway.notify(pending.conversationId, pending.notice, `notice:${pending.id}`);
      await this.options.repository.markNoticeDelivered(pending.id, this.options.clock());
      return true;
    } catch (error) {
      this.options.logger.warn({ err: error, notice: pending.id, kind: pending.notice.kind }, 'ticket notice not delivered; it stays in the outbox for the next try');
      return false;
    } finally {
      this.inFlight.delete(pending.id);
    }
  }
}
