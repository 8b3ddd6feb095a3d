import type { BusinessCalendar } from '../config/ticketing-config-types.js';

/** A deep copy a config may own and change without touching the original (e.g. the frozen ROUND_THE_CLOCK). */
export function copyCalendar(calendar: BusinessCalendar): BusinessCalendar {
  const week = Object.fromEntries(Object.entries(calendar.week).map(([day, intervals]) => [day, [...(intervals ?? [])]]));
  return { id: calendar.id, timeZone: calendar.timeZone, week, holidays: [...calendar.holidays] };
}
