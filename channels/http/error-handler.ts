import type { ErrorRequestHandler, RequestHandler } from 'express';
import { asMesaError, MesaError } from '../../bot/core/errors.js';
import type { Translator } from '../../bot/i18n/translator.js';
import type { Logger } from '../../bot/logger.js';
import { HTTP_STATUS } from './error-status.js';
import { requestLanguage } from './request-language.js';

/** Turns body-parser failures into our own codes; anything else unknown becomes `internal` once, here. */
function fromExpress(error: unknown): MesaError {
  const status = (error as { status?: number; type?: string }).status;
  const type = (error as { type?: string }).type;
  if (type === 'entity.parse.failed') return new MesaError('invalid_json', 'The request body is not valid JSON.', { cause: error });
  if (type === 'entity.too.large') return new MesaError('payload_too_large', 'The request body is too large.', { cause: error });
  if (status && status >= 400 && status < 500) return new MesaError('invalid_request', 'The request could not be read.', { cause: error });
  return asMesaError(error);
}

/** Answers every error with the contract's shape and a message in the client's language. */
export function errorHandler(translator: Translator, logger: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const mesaError = fromExpress(error);
    const status = HTTP_STATUS[mesaError.code];
    if (status >= 500) logger.error({ err: mesaError.cause ?? mesaError, path: request.path }, 'request failed');
    const t = translator.forLanguage(requestLanguage(request));
    const message = t(`errors:${mesaError.code}`, { details: '', ...mesaError.params }).trim();
    if (response.headersSent) return;
    response.status(status).json({ error: { code: mesaError.code, message } });
  };
}

export function notFoundHandler(): RequestHandler {
  return (_request, _response, next) => next(new MesaError('not_found', 'Nothing here.'));
}
