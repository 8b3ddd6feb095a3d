import type { LocalDate } from './local-date.js';

/** Wall-clock reading in a time zone, as if it were UTC (milliseconds since the epoch). */
type WallMs = number;

const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat costs far more than using one, and calendars are read on every SLA
// computation; a per-zone cache of these immutable formatters holds no state worth injecting.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the IANA zone (e.g. Europe/Madrid). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClockAt(timeZone: string, instant: number): WallMs {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const milliseconds = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(fields.year ?? 0, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0, milliseconds);
}

/** The zone's local date at an instant. */
export function localDateAt(timeZone: string, at: Date): LocalDate {
  const wall = new Date(wallClockAt(timeZone, at.getTime()));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/**
 * The instant a wall clock in the zone shows `minuteOfDay` on `date` (1440 = the next midnight).
 * Like Temporal's 'compatible' choice: a time repeated when clocks go back means its first occurrence,
 * a time skipped when clocks go forward means the moment after the gap (02:30 → 03:30).
 */
export function instantOf(timeZone: string, date: LocalDate, minuteOfDay: number): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * 60_000;
  const offsetBefore = wallClockAt(timeZone, wall - DAY_MS) - (wall - DAY_MS);
  const offsetAfter = wallClockAt(timeZone, wall + DAY_MS) - (wall + DAY_MS);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter((instant) => wallClockAt(timeZone, instant) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - offsetBefore;
}
