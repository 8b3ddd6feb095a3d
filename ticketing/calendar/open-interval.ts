/** One opening of a day in minutes since local midnight; `end` may be 1440 (24:00). */
export interface OpenInterval {
  start: number;
  end: number;
}

const INTERVAL = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** Parses "HH:MM-HH:MM"; returns why not when the text is not a same-day interval. */
export function parseOpenInterval(text: string): OpenInterval | { problem: string } {
  const match = INTERVAL.exec(text);
  if (!match) return { problem: `"${text}" is not an interval like "08:00-20:00"` };
  const [startHour, startMinute, endHour, endMinute] = match.slice(1).map(Number) as [number, number, number, number];
  const start = startHour * 60 + startMinute;
  const end = endHour * 60 + endMinute;
  if (startHour > 23 || startMinute > 59 || endMinute > 59 || end > 1440) {
    return { problem: `"${text}" has a time outside 00:00-24:00` };
  }
  if (end <= start) {
    return { problem: `"${text}" ends before it starts; split a night shift over two days ("22:00-24:00", then "00:00-06:00")` };
  }
  return { start, end };
}

/** Sorted, overlapping or touching intervals joined, so no minute is counted twice. */
export function mergeIntervals(intervals: OpenInterval[]): OpenInterval[] {
  const merged: OpenInterval[] = [];
  for (const interval of [...intervals].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}
