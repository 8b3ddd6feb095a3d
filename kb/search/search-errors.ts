import { MesaError } from '../../bot/core/errors.js';

/**
 * Meilisearch did not answer, answered with an error, or a task did not finish in time. It is a MesaError
 * so the edge maps it like any other (`search_unavailable`); the outbox keeps what could not be indexed.
 */
export class SearchUnavailableError extends MesaError {
  constructor(message: string, cause: unknown) {
    super('search_unavailable', message, { cause });
    this.name = 'SearchUnavailableError';
  }
}

export type MeilisearchStartErrorCode = 'meilisearch_not_installed' | 'meilisearch_start_failed' | 'meilisearch_in_use';

/** The managed Meilisearch could not be started; the message says what to do about it. */
export class MeilisearchStartError extends Error {
  readonly code: MeilisearchStartErrorCode;

  constructor(code: MeilisearchStartErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'MeilisearchStartError';
    this.code = code;
  }
}
