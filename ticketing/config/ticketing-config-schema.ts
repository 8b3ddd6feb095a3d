import { z } from 'zod';
import { LANGUAGES } from '../../bot/core/language.js';
import { parseOpenInterval } from '../calendar/open-interval.js';
import { isValidTimeZone } from '../calendar/time-zone.js';

const priority = z.number().int('must be a whole number from 1 to 5').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');
const urgencies = z.strictObject({ high: priority, medium: priority, low: priority });

const interval = z.string().superRefine((text, context) => {
  const parsed = parseOpenInterval(text);
  if ('problem' in parsed) context.addIssue({ code: 'custom', message: parsed.problem });
});

/** One weekday's opening hours; absent = closed all day. */
const day = z.array(interval).optional();

const holiday = z.string().refine((text) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(text);
}, { error: (issue) => `${JSON.stringify(issue.input)} is not a date like "2026-12-25"` });

const calendar = z.strictObject({
  id: z.string().min(1, 'must not be empty'),
  timeZone: z.string().refine(isValidTimeZone, { error: (issue) => `${JSON.stringify(issue.input)} is not an IANA time zone like "Europe/Madrid"` }),
  week: z.strictObject({ '0': day, '1': day, '2': day, '3': day, '4': day, '5': day, '6': day }),
  holidays: z.array(holiday).default([]),
});

const queue = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_", like "l1-es"'),
  name: z.string().min(1, 'must not be empty'),
  tier: z.number().int('must be a whole number').min(1, 'must be 1 (first line) or higher'),
  roles: z.array(z.enum(['l1_analyst', 'l2_analyst', 'coordinator'])).min(1, 'needs at least one role'),
  languages: z.array(z.enum([...LANGUAGES, '*'])).min(1, 'needs at least one language (or "*")'),
  categories: z.array(z.string().min(1)).min(1, 'needs at least one category (or "*")'),
  calendar: z.string().min(1),
  assignment: z.enum(['pull', 'push']),
});

const slaTarget = z.strictObject({
  responseMinutes: z.number().positive('must be more than 0'),
  resolutionMinutes: z.number().positive('must be more than 0'),
  calendar: z.string().min(1),
});

/** The file's shape: every top-level key may be left out and then keeps its default. */
export const ticketingFileSchema = z.strictObject({
  numberPrefix: z.string().regex(/^[A-Z][A-Z0-9]{0,9}$/, 'must be 1 to 10 capital letters or digits, like "SD"').optional(),
  priorityMatrix: z.strictObject({ high: urgencies, medium: urgencies, low: urgencies }).optional(),
  calendars: z.array(calendar).optional(),
  queues: z.array(queue).min(1, 'needs at least one queue').optional(),
  sla: z.record(z.string(), slaTarget).optional(),
  slaWarningAt: z.number().gt(0, 'must be a fraction between 0 and 1, like 0.8').lt(1, 'must be a fraction between 0 and 1, like 0.8').optional(),
  defaultCapacity: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
  autoCloseHours: z.number().positive('must be more than 0').optional(),
  abandonAfterMinutes: z.number().positive('must be more than 0').optional(),
  defaultWaitMinutes: z.number().positive('must be more than 0').optional(),
});

export type TicketingFile = z.infer<typeof ticketingFileSchema>;
