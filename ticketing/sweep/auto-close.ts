import { MesaError } from '../../bot/core/errors.js';
import type { TicketNotice } from '../../bot/core/ticket-notice.js';
import { changeTicket } from '../desk/commit-change.js';
import type { DeskDeps } from '../desk/desk-deps.js';
import type { Ticket } from '../tickets/ticket.js';

async function autoClose(deps: DeskDeps, ticket: Ticket, now: Date): Promise<void> {
  const reachable = await deps.gateway.reachable(ticket.conversationId, now);
  const notices: TicketNotice[] = [{ kind: 'closed', number: ticket.number, reason: 'auto_closed' }, ...(reachable ? [{ kind: 'survey', number: ticket.number } as const] : [])];
  try {
    await changeTicket(deps, {
      number: ticket.number,
      at: now,
      expect: { statuses: ['resolved'] },
      set: { status: 'closed', handoff: 'ended', closeReason: 'auto_closed', closedAt: now },
      timeline: [{ kind: 'closed', actor: 'system', data: { reason: 'auto_closed', afterHours: deps.config.autoCloseHours } }],
      notices,
      ...(reachable ? { survey: { analystId: ticket.assigneeId } } : {}),
    }, 'closed');
  } catch (error) {
    // The user answered in the meantime (confirmed or reopened): their answer wins.
    if (!(error instanceof MesaError && error.code === 'illegal_ticket_transition')) throw error;
  }
}

/** Resolved tickets the user never answered close after the configured hours, and the user is told so. */
export async function autoCloseResolved(deps: DeskDeps, now: Date): Promise<void> {
  const cutoff = now.getTime() - deps.config.autoCloseHours * 3_600_000;
  const due = (await deps.repository.unclosed()).filter((ticket) => ticket.status === 'resolved' && ticket.resolvedAt && ticket.resolvedAt.getTime() <= cutoff);
  for (const ticket of due) await autoClose(deps, ticket, now);
}
