import type { Request, RequestHandler } from 'express';
import { MesaError } from '../../bot/core/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The console authenticates with a cookie, so a state change must prove it came from the console itself:
 * a body must be JSON (an HTML form cannot send that type without CORS, which we never grant) and, when
 * the browser says where the request comes from, the same host as ours. A request with no body at all
 * (POST …/claim) carries nothing a form could forge, and forms always send a body type anyway.
 */
export function csrfGuard(): RequestHandler {
  return (request, _response, next) => {
    if (SAFE_METHODS.has(request.method)) return next();
    if (!isBodyless(request) && !request.is('application/json')) return next(new MesaError('json_required', 'State-changing console calls must send JSON.'));
    const origin = request.get('origin');
    if (origin !== undefined && !sameHost(origin, request.get('host'))) return next(new MesaError('cross_site_request', 'Origin does not match Host.'));
    next();
  };
}

/** No type and no bytes: `Content-Length: 0` (or none) and no chunked body. */
function isBodyless(request: Request): boolean {
  return request.get('content-type') === undefined && request.get('transfer-encoding') === undefined && Number(request.get('content-length') ?? '0') === 0;
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    // "null" (sandboxed frames, file://) and garbage are not our origin.
    return false;
  }
}
