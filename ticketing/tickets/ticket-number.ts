/** SD + 123 → SD-000123: six digits keep numbers the same width (and sortable) until the millionth ticket. */
export function formatTicketNumber(prefix: string, sequence: number): string {
  return `${prefix}-${String(sequence).padStart(6, '0')}`;
}
