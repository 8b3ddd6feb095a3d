import type { Response } from 'express';
import type { Analyst } from '../../ticketing/desk/analyst-desk.js';
import { staffOf } from './require-staff.js';

/** The desk acts for the signed-in account: only who they are and what they may do, nothing more. */
export function analystOf(response: Response): Analyst {
  const { id, name, roles } = staffOf(response);
  return { id, name, roles };
}
