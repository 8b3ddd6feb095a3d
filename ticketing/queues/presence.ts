import type { QueueConfig } from '../config/ticketing-config-types.js';
import type { Analyst } from '../desk/analyst-desk.js';

/** Analysts who have the console open now; one person may have several tabs. */
export class Presence {
  private readonly online = new Map<string, { analyst: Analyst; connections: number }>();

  /** Returns the function that ends this connection (calling it twice is harmless). */
  connect(analyst: Analyst): () => void {
    const entry = this.online.get(analyst.id) ?? { analyst, connections: 0 };
    entry.analyst = analyst;
    entry.connections += 1;
    this.online.set(analyst.id, entry);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      entry.connections -= 1;
      if (entry.connections === 0 && this.online.get(analyst.id) === entry) this.online.delete(analyst.id);
    };
  }

  /**
   * Connected analysts whose own roles work the queue. Admins and coordinators may act on any queue,
   * but only the queue's analysts are counted on shift for it, get its tickets pushed and its alerts.
   */
  workersOf(queue: QueueConfig): Analyst[] {
    return [...this.online.values()]
      .map((entry) => entry.analyst)
      .filter((analyst) => analyst.roles.some((role) => (queue.roles as readonly string[]).includes(role)));
  }
}
