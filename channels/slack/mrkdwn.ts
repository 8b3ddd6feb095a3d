/**
 * Escapes the three characters Slack's mrkdwn treats as control characters, so a user's or analyst's text
 * cannot turn into a link or a mention (`<!channel>`) when the bot repeats it.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Splits text into pieces of at most `size` characters, at a line break or space where there is one. */
export function splitText(text: string, size: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const window = rest.slice(0, size);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    // A hard cut must not split an escape such as `&amp;` in two.
    const entity = window.lastIndexOf('&');
    const at = cut > size / 2 ? cut : entity > size - 5 ? entity : size;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
