const DEFAULT_PREFIX = 'SD';

// A desk has one prefix, so this holds one or two patterns; each is compiled once.
const namedPatterns = new Map<string, RegExp>();

function namedPattern(prefix: string): RegExp {
  let pattern = namedPatterns.get(prefix);
  if (!pattern) namedPatterns.set(prefix, (pattern = new RegExp(`\\b${prefix}\\s*[-#]?\\s*(\\d{1,9})\\b`, 'i')));
  return pattern;
}

/**
 * Finds the ticket a user names in their own words: "SD-000123", "sd 123", "#123" or a bare "123", with the
 * desk's own prefix (the ticketing config's numberPrefix, capitals and digits only). Bare numbers need three
 * digits so "my ticket from 2 days ago" is not read as ticket 2.
 */
export function findTicketNumber(text: string, prefix = DEFAULT_PREFIX): string | null {
  const named = namedPattern(prefix);
  const match = named.exec(text) ?? /#\s*(\d{1,9})\b/.exec(text) ?? /(?<![\w-])(\d{3,9})(?![\w-])/.exec(text);
  return match ? formatTicketNumber(match[1]!, prefix) : null;
}

/** Ticket numbers as the service desk writes them: the prefix, a dash and at least six digits. */
export function formatTicketNumber(digits: string, prefix = DEFAULT_PREFIX): string {
  return `${prefix}-${String(Number(digits)).padStart(6, '0')}`;
}
