import { MesaError } from '../../bot/core/errors.js';
import { illegalTransition, WAITING_STATUSES, WORKING_STATUSES } from '../tickets/lifecycle.js';
import type { Analyst, TicketView } from './analyst-desk.js';
import { changeTicket } from './commit-change.js';
import type { DeskDeps } from './desk-deps.js';
import { profileOf } from './profiles.js';
import { ticketFor } from './ticket-access.js';
import { toView } from './ticket-views.js';

async function assertRoom(deps: DeskDeps, analyst: Analyst): Promise<void> {
  const [profile, loads] = await Promise.all([profileOf(deps, analyst.id), deps.repository.liveLoad([analyst.id])]);
  const count = loads.get(analyst.id) ?? 0;
  if (count >= profile.capacity) {
    throw new MesaError('over_capacity', `You already have ${count} conversations, your limit.`, { params: { count, capacity: profile.capacity } });
  }
}

/**
 * Takes a waiting ticket. The write only succeeds while nobody holds it, so of two analysts claiming at the
 * same moment exactly one wins; the other learns who did.
 */
export async function claim(deps: DeskDeps, analyst: Analyst, number: string): Promise<TicketView> {
  const ticket = await ticketFor(deps, analyst, number);
  // A double click on "claim" by the analyst who already has it is not an error.
  if (ticket.assigneeId === analyst.id && WORKING_STATUSES.includes(ticket.status)) return toView(deps, ticket);
  if (!WAITING_STATUSES.includes(ticket.status) && !WORKING_STATUSES.includes(ticket.status)) throw illegalTransition(ticket.status, 'assigned');
  if (!ticket.assigneeId) await assertRoom(deps, analyst);
  const at = deps.clock();
  const claimed = await changeTicket(deps, {
    number,
    at,
    expect: { statuses: WAITING_STATUSES, assigneeId: null },
    set: { status: 'assigned', handoff: 'live', assigneeId: analyst.id, firstResponseAt: ticket.firstResponseAt ?? at },
    timeline: [{ kind: 'claimed', actor: analyst.id, data: { queueId: ticket.queueId } }],
    notices: [{ kind: 'claimed', number, analystName: analyst.name }],
    assignment: { analystId: analyst.id },
  }, 'assigned');
  return toView(deps, claimed);
}
