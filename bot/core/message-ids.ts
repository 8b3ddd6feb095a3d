/**
 * Where a transcript starts: the cursor before every message (the web chat's first cursor, a fresh delivery
 * cursor). Every message id compares after it.
 */
export const BEFORE_FIRST_MESSAGE = '0';

/**
 * Orders message ids as the transcript does. Ids are decimal strings (see StoredMessage.id), so once leading zeros
 * are set aside (a client may send the cursor '007') a shorter id is older and ids of one length compare as text;
 * nothing is parsed, so their size has no limit.
 */
export function compareMessageIds(a: string, b: string): number {
  const [x, y] = [withoutLeadingZeros(a), withoutLeadingZeros(b)];
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

function withoutLeadingZeros(id: string): string {
  return id.replace(/^0+(?=.)/, '');
}

/** Whether `id` comes after the cursor `after` (null: before the first message). */
export function isAfter(id: string, after: string | null): boolean {
  return compareMessageIds(id, after ?? BEFORE_FIRST_MESSAGE) > 0;
}
