import { webApi } from '@slack/bolt';
import { DeliveryError } from '../contract.js';

/** Slack errors after which posting to that conversation can never work, however often it is retried. */
const PERMANENT = new Set(['channel_not_found', 'not_in_channel', 'account_inactive', 'is_archived', 'cannot_dm_bot', 'invalid_blocks', 'msg_too_long', 'no_text']);

/**
 * Converts a Web API failure into what the delivery relay acts on: wait as long as Slack says after a 429,
 * give up where Slack refuses for good, retry with backoff otherwise.
 */
export function deliveryErrorOf(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new DeliveryError(`Slack rate limited chat.postMessage for ${error.retryAfter} s`, { retryAfterMs: error.retryAfter * 1000, cause: error });
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const reason = error.data.error;
    return new DeliveryError(`Slack refused chat.postMessage: ${reason}`, { permanent: PERMANENT.has(reason), cause: error });
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    const retryAfter = Number(error.headers['retry-after']);
    return new DeliveryError(`Slack answered HTTP ${error.statusCode}`, { ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}), cause: error });
  }
  return new DeliveryError(`chat.postMessage failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
