import type { FlowContext } from '../core/flow.js';
import type { OpenTicketRequest } from '../core/help-desk.js';

/** Where a ticket a flow opens comes from: this conversation, its channel, its user and the message that led to it. */
export function ticketOrigin(context: FlowContext): Pick<OpenTicketRequest, 'conversationId' | 'channel' | 'userId' | 'language' | 'sourceMessageId'> {
  const { inbound, language } = context;
  return { conversationId: inbound.conversationId, channel: inbound.channel, userId: inbound.userId, language, sourceMessageId: inbound.id };
}
