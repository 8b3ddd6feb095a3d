import type { RequestHandler } from 'express';
import { MesaError } from '../../bot/core/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The console authenticates with a cookie, so a state change must prove it came from the console itself:
 * a JSON content type (an HTML form cannot send one without CORS, which we never grant) and, when the
 * browser says where the request comes from, the same host as ours.
 */
export function csrfGuard(): RequestHandler {
  return (request, _response, next) => {
    if (SAFE_METHODS.has(request.method)) return next();
    if (!request.is('application/json')) return next(new MesaError('json_required', 'State-changing console calls must send JSON.'));
    const origin = request.get('origin');
    if (origin !== undefined && !sameHost(origin, request.get('host'))) return next(new MesaError('cross_site_request', 'Origin does not match Host.'));
    next();
  };
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    // "null" (sandboxed frames, file://) and garbage are not our origin.
    return false;
  }
}
