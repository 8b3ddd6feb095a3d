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
  not_signed_in: 401,
  invalid_credentials: 401,
  forbidden: 403,
  cross_site_request: 403,
  email_taken: 409,
  illegal_transition: 409,
  json_required: 415,
  login_locked: 429,
  internal: 500,
};
