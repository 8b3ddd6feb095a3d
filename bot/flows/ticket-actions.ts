import type { HelpDesk } from '../core/help-desk.js';
import { done, type Flow, type FlowContext } from '../core/flow.js';
import { deskRefusal } from './desk-refusal.js';
import { menuActions } from './menu.js';
import { parseTicketAction } from './ticket-ids.js';
import { statusWords, ticketRef } from './ticket-words.js';

/**
 * "Yes, it's fixed" / "No, it's still broken" under a resolved ticket. They may be pressed twice or after the
 * ticket closed on its own; the user then hears where the ticket stands, never an error.
 */
export function ticketActionsFlow(desk: HelpDesk): Flow {
  async function explainRefusal(context: FlowContext, number: string, error: unknown): Promise<void> {
    const { t, inbound } = context;
    if (deskRefusal(error, ['illegal_ticket_transition', 'ticket_not_found'] as const) === 'illegal_ticket_transition') {
      try {
        const ticket = await desk.ticketOf(inbound.userId, number);
        context.say({ text: t('bot:ticket.cannot_change', { number, status: statusWords(t, ticket.status) }), ticket: ticketRef(ticket) });
        return;
      } catch (lookup) {
        deskRefusal(lookup, ['ticket_not_found'] as const);
      }
    }
    context.say({ text: t('bot:ticket.not_found', { number }) });
  }

  return {
    name: 'ticket-actions',
    async start(context) {
      const { t, inbound, now } = context;
      const press = parseTicketAction(inbound.actionId ?? '');
      if (!press) {
        context.say({ text: t('bot:stale_action'), actions: menuActions(t) });
        return done;
      }
      try {
        if (press.kind === 'confirm') {
          // The survey follows as a notice from the desk, once the ticket is closed.
          const ticket = await desk.confirmResolution(press.number, inbound.userId, now);
          context.say({ text: t('bot:ticket.confirmed', { number: ticket.number }), ticket: ticketRef(ticket) });
        } else {
          const ticket = await desk.rejectResolution(press.number, inbound.userId, null, now);
          context.say({ text: t('bot:ticket.rejected', { number: ticket.number, queue: ticket.queueName }), ticket: ticketRef(ticket) });
        }
      } catch (error) {
        await explainRefusal(context, press.number, error);
      }
      return done;
    },
  };
}
