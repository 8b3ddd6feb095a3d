import type { z } from 'zod';
import { MesaError } from '../../bot/core/errors.js';

/** Parses with a schema, turning failures into one readable invalid_request error. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`).join('; ');
  throw new MesaError('invalid_request', `Invalid ${what}: ${details}`, { params: { details } });
}
