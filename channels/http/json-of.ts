/** What JSON.stringify makes of a T, as a type: dates become ISO strings, nothing is read-only any more. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Jsonified<Item>[]
    : T extends object
      ? { -readonly [K in keyof T]: Jsonified<T[K]> }
      : T;

/**
 * The value as a client will read it once it went through JSON, so a serialiser can be typed against a wire
 * shape: dates become what Date.prototype.toJSON makes of them, exactly as response.json() would.
 */
export function jsonOf<T>(value: T): Jsonified<T> {
  return plain(value) as Jsonified<T>;
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toJSON();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  return value;
}
