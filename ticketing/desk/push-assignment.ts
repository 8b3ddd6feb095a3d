import type { QueueConfig } from '../config/ticketing-config-types.js';
import { pickAnalyst, type Candidate } from '../queues/assignment.js';
import { WAITING_STATUSES } from '../tickets/lifecycle.js';
import type { Ticket } from '../tickets/ticket.js';
import type { Analyst } from './analyst-desk.js';
import type { DeskDeps } from './desk-deps.js';
import { profileOf } from './profiles.js';

async function candidates(deps: DeskDeps, analysts: readonly Analyst[]): Promise<Candidate[]> {
  const ids = analysts.map((analyst) => analyst.id);
  const [loads, lastAssigned, profiles] = await Promise.all([
    deps.repository.liveLoad(ids),
    deps.repository.lastAssignedAt(ids),
    Promise.all(ids.map((id) => profileOf(deps, id))),
  ]);
  return profiles.map((profile) => ({ profile, load: loads.get(profile.analystId) ?? 0, lastAssignedAt: lastAssigned.get(profile.analystId) ?? null }));
}

/** Hands one waiting ticket to the fairest analyst on shift; null when nobody fits or someone claimed it first. */
async function assign(deps: DeskDeps, queue: QueueConfig, ticket: Ticket): Promise<string | null> {
  const chosen = pickAnalyst(await candidates(deps, deps.presence.workersOf(queue)), ticket);
  if (!chosen) return null;
  const analystId = chosen.profile.analystId;
  const analystName = (await deps.staffNames([analystId])).get(analystId) ?? analystId;
  const at = deps.clock();
  const result = await deps.repository.change({
    number: ticket.number,
    at,
    expect: { statuses: WAITING_STATUSES, assigneeId: null },
    set: { status: 'assigned', handoff: 'live', assigneeId: analystId, firstResponseAt: ticket.firstResponseAt ?? at },
    timeline: [{ kind: 'assigned', actor: 'system', data: { analystId, queueId: queue.id } }],
    notices: [{ kind: 'claimed', number: ticket.number, analystName }],
    assignment: { analystId },
  });
  if (!result) return null;
  deps.events.emit({ type: 'ticket', number: ticket.number, queueId: queue.id, status: 'assigned', assigneeId: analystId });
  await deps.notices.deliver(result.notices);
  return analystId;
}

/**
 * Pushes a push queue's waiting tickets, in queue order, to analysts with room, until nobody fits.
 * Returns who got which ticket, so each can be alerted.
 */
export function fillPushQueue(deps: DeskDeps, queue: QueueConfig): Promise<Map<string, string>> {
  return deps.pushRounds.run(async () => {
    const assigned = new Map<string, string>();
    if (queue.assignment !== 'push') return assigned;
    for (const ticket of await deps.repository.waiting(queue.id)) {
      const analystId = await assign(deps, queue, ticket);
      if (analystId) {
        assigned.set(ticket.number, analystId);
        deps.events.emit({ type: 'queue_alert', number: ticket.number, queueId: queue.id, analystIds: [analystId] });
      }
    }
    return assigned;
  });
}

/** A ticket landed in a queue (created, transferred, reopened): push it, or alert who works the queue. */
export async function land(deps: DeskDeps, ticket: Ticket): Promise<void> {
  const queue = deps.config.queues.find((candidate) => candidate.id === ticket.queueId);
  if (!queue) return;
  const pushed = await fillPushQueue(deps, queue);
  if (pushed.has(ticket.number)) return;
  const analystIds = deps.presence.workersOf(queue).map((analyst) => analyst.id);
  deps.events.emit({ type: 'queue_alert', number: ticket.number, queueId: queue.id, analystIds });
}
