import type { LatencySummary } from './percentiles.js';

/** Milliseconds with sensible precision; Infinity means some turns never got a reply. */
export function ms(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  if (!Number.isFinite(value)) return 'no reply';
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

export function percent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(0)}%` : 'n/a';
}

export function latencyLine(summary: LatencySummary): string {
  return `p50 ${ms(summary.p50)} ms   p95 ${ms(summary.p95)} ms   p99 ${ms(summary.p99)} ms   max ${ms(summary.max)} ms   (n=${summary.count})`;
}

export function errorsLine(errors: Record<string, number>): string {
  const entries = Object.entries(errors);
  return entries.length === 0 ? 'none' : entries.map(([code, count]) => `${code}=${count}`).join(' ');
}

export interface Row {
  metric: string;
  measured: string;
  target?: string;
  /** undefined when the row has no target. */
  pass?: boolean;
}

/** A fixed-width table that stays readable in CI logs. */
export function table(rows: Row[]): string {
  const widths = [
    Math.max(6, ...rows.map((row) => row.metric.length)),
    Math.max(8, ...rows.map((row) => row.measured.length)),
    Math.max(6, ...rows.map((row) => (row.target ?? '').length)),
  ] as const;
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const verdict = (row: Row): string => (row.pass === undefined ? '' : row.pass ? 'PASS' : 'MISS');
  return [
    line(['metric', 'measured', 'target', 'result']),
    line(['-'.repeat(widths[0]), '-'.repeat(widths[1]), '-'.repeat(widths[2]), '------']),
    ...rows.map((row) => line([row.metric, row.measured, row.target ?? '', verdict(row)])),
  ].join('\n');
}
