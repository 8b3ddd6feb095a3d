import type { ConversationService } from '../../bot/core/conversation-service.js';
import type { Action } from '../../bot/core/messages.js';
import { RecentlyUsed } from '../../bot/core/recently-used.js';

const PAGE = 100;

interface Scan {
  through: string | null;
  actions: Action[];
}

/**
 * The choices of the last bot message that offered any, read from the transcript (durable: a restart loses
 * nothing). The transcript only grows, so each conversation's scan resumes where the last one stopped.
 */
export class OfferedChoices {
  private readonly scans = new RecentlyUsed<string, Scan>(5000);

  constructor(private readonly conversations: Pick<ConversationService, 'messagesAfter'>) {}

  async latest(conversationId: string): Promise<Action[]> {
    const scan = this.scans.get(conversationId) ?? { through: null, actions: [] };
    for (;;) {
      const page = await this.conversations.messagesAfter(conversationId, scan.through, PAGE);
      for (const message of page) {
        if (message.role !== 'user' && message.actions && message.actions.length > 0) scan.actions = message.actions;
      }
      if (page.length > 0) scan.through = page[page.length - 1]!.id;
      if (page.length < PAGE) break;
    }
    this.scans.set(conversationId, scan);
    return scan.actions;
  }
}
