import type { BusinessCalendar } from '../config/ticketing-config-types.js';
import { openPeriodsFrom } from './opening-periods.js';

const MINUTE_MS = 60_000;

const ALL_DAY = Object.freeze(['00:00-24:00']) as string[];

/** Always open: for queues and SLA targets that count every minute. Frozen: it is shared by every config. */
export const ROUND_THE_CLOCK: BusinessCalendar = Object.freeze({
  id: '24x7',
  timeZone: 'UTC',
  week: Object.freeze({ '0': ALL_DAY, '1': ALL_DAY, '2': ALL_DAY, '3': ALL_DAY, '4': ALL_DAY, '5': ALL_DAY, '6': ALL_DAY }),
  holidays: Object.freeze([]) as unknown as string[],
});

/** Whether the calendar is open at that instant (an interval includes its start, not its end). */
export function isOpen(calendar: BusinessCalendar, at: Date): boolean {
  const first = openPeriodsFrom(calendar, at).next().value;
  return first !== undefined && first.start <= at.getTime();
}

/** The first open instant at or after `at`: `at` itself when open. */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date {
  const first = openPeriodsFrom(calendar, at).next().value;
  if (!first || first.start <= at.getTime()) return new Date(at.getTime());
  return new Date(first.start);
}

/** Open minutes between two instants (fractional, exact); 0 when `to` is not after `from`. */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  let openMs = 0;
  for (const period of openPeriodsFrom(calendar, from)) {
    if (period.start >= to.getTime()) break;
    openMs += Math.min(period.end, to.getTime()) - Math.max(period.start, from.getTime());
  }
  return openMs / MINUTE_MS;
}

/**
 * The instant `minutes` open minutes after `from`. Time outside opening hours does not count, so a
 * start while closed counts from the next opening; a sum that uses up an interval exactly ends at its close.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date {
  if (minutes <= 0) return new Date(from.getTime());
  let remainingMs = minutes * MINUTE_MS;
  for (const period of openPeriodsFrom(calendar, from)) {
    const start = Math.max(period.start, from.getTime());
    const available = period.end - start;
    if (remainingMs <= available) return new Date(Math.round(start + remainingMs));
    remainingMs -= available;
  }
  // openPeriodsFrom never ends: it throws for a calendar that never opens.
  throw new Error('unreachable');
}
