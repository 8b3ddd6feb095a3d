/** Message ids are increasing numeric strings of any length; compare them without Number overflow. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two ids; `b` when there is no `a` yet. */
export function newerId(a: string | undefined, b: string): string {
  return a === undefined || compareIds(b, a) > 0 ? b : a;
}
