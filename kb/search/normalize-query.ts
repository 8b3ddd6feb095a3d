/** Longer queries add nothing a search can use (Meilisearch reads the first ten words) and cost time. */
export const MAX_QUERY_CHARS = 500;

/**
 * The query as the index should see it: Unicode NFC, control and invisible format characters turned into
 * spaces, whitespace collapsed, trimmed, at most MAX_QUERY_CHARS (cut at a word boundary when there is one).
 */
export function normalizeQuery(raw: string): string {
  const text = raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= MAX_QUERY_CHARS) return text;
  const cut = text.slice(0, MAX_QUERY_CHARS);
  const space = cut.lastIndexOf(' ');
  // A cut inside a surrogate pair would leave half an emoji, which is not valid text.
  return (space > MAX_QUERY_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\uD800-\uDBFF]$/, '').trim();
}
