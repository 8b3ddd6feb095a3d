import type { ErrorCode } from '../../bot/core/errors.js';

/** The one table from error codes to HTTP statuses. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  invalid_json: 400,
  empty_text: 400,
  control_characters: 400,
  unknown_action: 400,
  text_too_long: 413,
  payload_too_large: 413,
  invalid_token: 401,
  session_not_found: 404,
  not_found: 404,
  rate_limited: 429,
  shutting_down: 503,
  storage_unavailable: 503,
  search_unavailable: 503,
  internal: 500,
};
