import { DeliveryError } from '../contract.js';

/** Statuses Teams documents as "try again later": throttling (429), a conflict on a busy thread (412), a gateway hiccup. */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);
/** The conversation is gone, or the user or an admin blocked the bot there: retrying never helps. (A 401 is
 * the bot's own token and may heal, so it is retried.) */
const PERMANENT = new Set([400, 403, 404]);

interface RestErrorLike {
  statusCode?: number;
  response?: { headers?: { get?(name: string): string | undefined | null } };
}

/** A failed Bot Connector call as the delivery relay understands it: when to retry, or that it never will work. */
export function deliveryFailure(error: unknown, nowMs: number): DeliveryError {
  const status = (error as RestErrorLike | null)?.statusCode;
  if (status !== undefined && PERMANENT.has(status)) return new DeliveryError(`Teams refused the message (HTTP ${status})`, { permanent: true, cause: error });
  if (status !== undefined && RETRYABLE.has(status)) {
    const retryAfterMs = retryAfter((error as RestErrorLike).response?.headers?.get?.('retry-after') ?? null, nowMs);
    return new DeliveryError(`Teams asked to retry later (HTTP ${status})`, { ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), cause: error });
  }
  return new DeliveryError(`sending to Teams failed${status ? ` (HTTP ${status})` : ''}`, { cause: error });
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfter(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
