import { MesaError, type ErrorCode } from '../core/errors.js';

/**
 * The desk's answer when the user asked for something the ticket no longer allows (a button pressed twice,
 * a ticket closed meanwhile): the flow explains it kindly; anything else is a real failure and propagates.
 */
export function deskRefusal<C extends ErrorCode>(error: unknown, codes: readonly C[]): C {
  if (error instanceof MesaError && (codes as readonly ErrorCode[]).includes(error.code)) return error.code as C;
  throw error;
}
