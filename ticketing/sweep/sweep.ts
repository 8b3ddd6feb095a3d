import type { DeskDeps } from '../desk/desk-deps.js';
import { refillPushQueues } from '../desk/refill.js';
import { autoCloseResolved } from './auto-close.js';
import { announceOpenings } from './queue-openings.js';
import { recordSilentAbandonment } from './silent-abandonment.js';
import { recordSlaEvents } from './sla-events.js';

/**
 * The desk's periodic round: retry notices that did not go out, record SLA warnings and breaches, close
 * resolved tickets nobody answered, count users who left a waiting ticket, announce queues that opened, and push
 * waiting tickets to whoever has room.
 */
export async function sweep(deps: DeskDeps): Promise<void> {
  const now = deps.clock();
  await deps.notices.deliverPending();
  await recordSlaEvents(deps, now);
  await autoCloseResolved(deps, now);
  await recordSilentAbandonment(deps, now);
  await announceOpenings(deps, now);
  await refillPushQueues(deps);
}
