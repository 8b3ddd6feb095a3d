// Lines of a pasted stack trace that name code, not the problem: Java/JS/.NET frames, Python's frame headers.
const FRAME_LINES = [/^\s*at\s+(?:new\s+|async\s+)?[\w$.<>[\]/-]+(?:\s*\([^)]*\)|:\d+:\d+)\s*$/, /^\s*File\s+"[^"]*",\s*line\s+\d+/, /^\s*Traceback\b/, /^\s*\.\.\.\s*\d+\s+more\s*$/, /^\s*\^+\s*$/];
// A log line's prefix: timestamps, levels, thread names, process ids.
const LOG_PREFIX = /^\s*(?:\[?\d{4}-\d{2}-\d{2}[T ][\d:.,]+Z?\]?\s*)?(?:\[?(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\]?:?\s*)?(?:\[[^\]]*\]\s*)*/i;
// Machine detail inside a line: hex, GUIDs, paths, dotted package names (the last part says the most).
const MACHINE_DETAIL: Array<[RegExp, string]> = [
  [/\b0x[0-9a-f]+\b/gi, ' '],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' '],
  [/(?:[a-z]:)?(?:[\\/]+[\w.$-]+){2,}[\\/]?/gi, ' '],
  [/\b(?:[a-z_$][\w$]*\.){2,}([A-Za-z_$][\w$]*)\b/g, '$1'],
];

/** Whether a message looks pasted from a log or a stack trace rather than written by a person. */
export function looksLikeLog(text: string): boolean {
  const lines = text.split(/\r?\n/);
  return lines.filter((line) => FRAME_LINES.some((frame) => frame.test(line))).length >= 1 && lines.length >= 2;
}

/**
 * The part of a pasted log or stack trace worth searching: the lines people would read (the error message,
 * what the user wrote around it), without frames, timestamps and machine detail. Text that is not a log
 * comes back as it is; a log with nothing readable left comes back whole.
 */
export function usefulText(text: string): string {
  if (!looksLikeLog(text)) return text;
  const kept = text
    .split(/\r?\n/)
    .filter((line) => !FRAME_LINES.some((frame) => frame.test(line)))
    .map((line) => MACHINE_DETAIL.reduce((cleaned, [pattern, replacement]) => cleaned.replace(pattern, replacement), line.replace(LOG_PREFIX, '')))
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => /\p{L}{3,}/u.test(line));
  return kept.length > 0 ? kept.join('\n') : text;
}
