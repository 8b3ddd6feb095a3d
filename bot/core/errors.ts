/** Every failure the core reports has a stable string code; the HTTP edge maps codes to statuses. */
export type ErrorCode =
  | 'invalid_request'
  | 'invalid_json'
  | 'payload_too_large'
  | 'text_too_long'
  | 'empty_text'
  | 'control_characters'
  | 'unknown_action'
  | 'session_not_found'
  | 'invalid_token'
  | 'rate_limited'
  | 'not_found'
  | 'shutting_down'
  | 'storage_unavailable'
  | 'search_unavailable'
  | 'not_signed_in'
  | 'forbidden'
  | 'invalid_credentials'
  | 'login_locked'
  | 'email_taken'
  | 'illegal_transition'
  | 'cross_site_request'
  | 'json_required'
  | 'ticket_not_found'
  | 'queue_not_found'
  | 'already_claimed'
  | 'not_assignee'
  | 'over_capacity'
  | 'illegal_ticket_transition'
  | 'survey_closed'
  | 'survey_out_of_range'
  | 'invalid_identity'
  | 'too_many_sessions'
  | 'too_many_streams'
  | 'invisible_text'
  | 'internal';

/** An error with a code a program can act on and a message a person can read. */
export class MesaError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; params?: Record<string, string | number> } = {}) {
    super(message, { cause: options.cause });
    this.name = 'MesaError';
    this.code = code;
    this.params = options.params ?? {};
  }
}

/** Converts anything thrown into a MesaError once, at the edge. */
export function asMesaError(error: unknown): MesaError {
  if (error instanceof MesaError) return error;
  return new MesaError('internal', 'Something went wrong on our side.', { cause: error });
}
