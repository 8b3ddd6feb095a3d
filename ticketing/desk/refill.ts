import type { DeskDeps } from './desk-deps.js';
import { fillPushQueue } from './push-assignment.js';

/** Someone's load went down or they came online: push queues may have work for them now. */
export async function refillPushQueues(deps: DeskDeps): Promise<void> {
  for (const queue of deps.config.queues) if (queue.assignment === 'push') await fillPushQueue(deps, queue);
}
