/**
 * Finds the ticket a user names in their own words: "SD-000123", "sd 123", "#123" or a bare "123".
 * Bare numbers need three digits so "my ticket from 2 days ago" is not read as ticket 2.
 */
export function findTicketNumber(text: string): string | null {
  const match = /\bsd\s*[-#]?\s*(\d{1,9})\b/i.exec(text) ?? /#\s*(\d{1,9})\b/.exec(text) ?? /(?<![\w-])(\d{3,9})(?![\w-])/.exec(text);
  return match ? formatTicketNumber(match[1]!) : null;
}

/** Ticket numbers as the service desk writes them: SD- and at least six digits. */
export function formatTicketNumber(digits: string): string {
  return `SD-${String(Number(digits)).padStart(6, '0')}`;
}
