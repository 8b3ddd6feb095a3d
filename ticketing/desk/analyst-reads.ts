import { MesaError } from '../../bot/core/errors.js';
import { isOpen } from '../calendar/business-calendar.js';
import { calendarOf } from '../config/load-ticketing-config.js';
import { queueById } from '../queues/routing.js';
import type { Analyst, Complaint, ListFilter, QueueSummary, TicketDetail, TicketView } from './analyst-desk.js';
import type { DeskDeps } from './desk-deps.js';
import { forbidden, mayWorkQueue, oversees, ticketFor } from './ticket-access.js';
import { toView, toViews } from './ticket-views.js';
import { hasAnyRole } from '../../bot/staff/roles.js';

/** Most tickets one list returns; the console pages by queue long before this. */
const LIST_LIMIT = 500;
const COMPLAINT_STATUSES: ReadonlyArray<Complaint['status']> = ['open', 'in_review', 'closed'];

function assertDeskRole(analyst: Analyst): void {
  if (!hasAnyRole(analyst.roles, ['l1_analyst', 'l2_analyst', 'coordinator'])) throw forbidden();
}

/** The queues the analyst works (every queue for coordinators), with what waits and who is on shift. */
export async function queues(deps: DeskDeps, analyst: Analyst): Promise<QueueSummary[]> {
  const waiting = await deps.repository.waitingCounts();
  const now = deps.clock();
  return deps.config.queues
    .filter((queue) => mayWorkQueue(analyst, queue))
    .map((queue) => ({
      id: queue.id,
      name: queue.name,
      tier: queue.tier,
      waiting: waiting.get(queue.id) ?? 0,
      staffed: isOpen(calendarOf(deps.config, queue.calendar), now),
      analystsOnline: deps.presence.workersOf(queue).length,
    }));
}

export async function list(deps: DeskDeps, analyst: Analyst, filter: ListFilter): Promise<TicketView[]> {
  assertDeskRole(analyst);
  const includeClosed = filter.includeClosed ?? false;
  if (filter.scope === 'mine') return toViews(deps, await deps.repository.list({ assigneeId: analyst.id, includeClosed, limit: LIST_LIMIT }));
  if (filter.scope === 'queue') {
    const queue = queueById(deps.config, filter.queueId ?? '');
    if (!mayWorkQueue(analyst, queue)) throw forbidden();
    return toViews(deps, await deps.repository.list({ queueIds: [queue.id], includeClosed, limit: LIST_LIMIT }));
  }
  const queueIds = oversees(analyst) ? undefined : deps.config.queues.filter((queue) => mayWorkQueue(analyst, queue)).map((queue) => queue.id);
  return toViews(deps, await deps.repository.list({ ...(queueIds ? { queueIds } : {}), includeClosed, limit: LIST_LIMIT }));
}

/** Everything about one ticket: the view, its whole timeline (notes included) and the conversation. */
export async function detail(deps: DeskDeps, analyst: Analyst, number: string): Promise<TicketDetail> {
  const ticket = await ticketFor(deps, analyst, number);
  const [view, timeline, transcript] = await Promise.all([toView(deps, ticket), deps.repository.timeline(ticket.id), deps.gateway.transcript(ticket.conversationId)]);
  return { ticket: view, timeline, transcript };
}

/** The complaints unit's inbox: coordinators (and admins) only. */
export async function complaints(deps: DeskDeps, analyst: Analyst): Promise<Complaint[]> {
  if (!oversees(analyst)) throw forbidden();
  return deps.repository.complaints();
}

export async function setComplaintStatus(deps: DeskDeps, analyst: Analyst, id: string, status: Complaint['status']): Promise<Complaint> {
  if (!oversees(analyst)) throw forbidden();
  if (!COMPLAINT_STATUSES.includes(status)) throw new MesaError('invalid_request', `Unknown complaint status "${String(status)}".`, { params: { details: 'status' } });
  const complaint = await deps.repository.setComplaintStatus(id, status, deps.clock());
  if (!complaint) throw new MesaError('not_found', `There is no complaint ${id}.`);
  return complaint;
}
