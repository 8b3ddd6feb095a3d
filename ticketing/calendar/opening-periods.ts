import type { BusinessCalendar } from '../config/ticketing-config-types.js';
import { MesaError } from '../../bot/core/errors.js';
import type { LocalDate } from './local-date.js';
import { addDays, isoDate, weekdayOf } from './local-date.js';
import { mergeIntervals, parseOpenInterval } from './open-interval.js';
import { instantOf, localDateAt } from './time-zone.js';

/** An open stretch of real time, epoch milliseconds, end exclusive. */
export interface OpenPeriod {
  start: number;
  end: number;
}

/** Longer than any run of holidays plus a weekend a real desk has; beyond it the calendar never opens. */
const MAX_CLOSED_DAYS = 3660;

function periodsOn(calendar: BusinessCalendar, date: LocalDate): OpenPeriod[] {
  if (calendar.holidays.includes(isoDate(date))) return [];
  const key = String(weekdayOf(date)) as keyof BusinessCalendar['week'];
  const intervals = (calendar.week[key] ?? []).map((text) => {
    const parsed = parseOpenInterval(text);
    if ('problem' in parsed) throw new MesaError('internal', `Calendar "${calendar.id}": ${parsed.problem}`);
    return parsed;
  });
  return mergeIntervals(intervals)
    .map((interval) => ({ start: instantOf(calendar.timeZone, date, interval.start), end: instantOf(calendar.timeZone, date, interval.end) }))
    .filter((period) => period.end > period.start);
}

/**
 * The calendar's open periods that end after `from`, in order, walking one local day at a time.
 * Periods are never joined across midnight (a 24x7 calendar would make one endless period);
 * Mon 22:00-24:00 and Tue 00:00-06:00 simply follow each other.
 */
export function* openPeriodsFrom(calendar: BusinessCalendar, from: Date): Generator<OpenPeriod> {
  let date = localDateAt(calendar.timeZone, from);
  let closedDays = 0;
  for (;;) {
    const periods = periodsOn(calendar, date).filter((period) => period.end > from.getTime());
    closedDays = periods.length === 0 ? closedDays + 1 : 0;
    if (closedDays > MAX_CLOSED_DAYS) throw new MesaError('internal', `Calendar "${calendar.id}" never opens`);
    yield* periods;
    date = addDays(date, 1);
  }
}
