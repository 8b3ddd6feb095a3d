/** How many recent waits the estimate looks at: enough to smooth one odd ticket, recent enough to follow the shift. */
export const RECENT_WAITS = 20;

/**
 * An honest wait estimate in minutes: the queue's recent real waits scaled by the position and shared by
 * the analysts on shift, or the configured per-ticket minutes when there is no history yet. Null when nobody
 * of the queue is there to answer: better to say nothing than to promise a time nobody will keep.
 */
export function estimateWaitMinutes(input: { position: number; recentWaits: readonly number[]; analystsOnline: number; defaultWaitMinutes: number }): number | null {
  if (input.analystsOnline === 0) return null;
  const perTicket = input.recentWaits.length > 0 ? input.recentWaits.reduce((sum, wait) => sum + wait, 0) / input.recentWaits.length : input.defaultWaitMinutes;
  return Math.max(1, Math.round((perTicket * input.position) / Math.max(1, input.analystsOnline)));
}
