import { actionIds } from '../core/actions.js';
import type { HelpDesk } from '../core/help-desk.js';
import { done, type Flow, type FlowContext } from '../core/flow.js';
import { deskRefusal } from './desk-refusal.js';
import { menuActions } from './menu.js';
import { ticketCard } from './ticket-card.js';
import { findTicketNumber } from './ticket-number.js';

const RECENT = 5;

/** "How is my ticket going?": the one the user names, or their latest ones; only ever the user's own. */
export function ticketStatusFlow(desk: HelpDesk): Flow {
  async function one(context: FlowContext, number: string): Promise<void> {
    try {
      context.say(ticketCard(context.t, await desk.ticketOf(context.inbound.userId, number)));
    } catch (error) {
      deskRefusal(error, ['ticket_not_found'] as const);
      context.say({ text: context.t('bot:ticket.not_found', { number }), actions: [{ id: actionIds.intent('ticket_status'), label: context.t('bot:ticket.show_mine') }] });
    }
  }

  async function recent(context: FlowContext): Promise<void> {
    const tickets = await desk.ticketsOf(context.inbound.userId, RECENT);
    if (tickets.length === 0) {
      context.say({ text: context.t('bot:ticket.none'), actions: menuActions(context.t) });
      return;
    }
    context.say({ text: context.t(tickets.length === 1 ? 'bot:ticket.intro_one' : 'bot:ticket.intro') });
    for (const ticket of tickets) context.say(ticketCard(context.t, ticket));
  }

  return {
    name: 'ticket-status',
    async start(context) {
      const number = context.inbound.actionId ? null : findTicketNumber(context.inbound.text, desk.ticketNumberPrefix);
      await (number ? one(context, number) : recent(context));
      return done;
    },
  };
}
