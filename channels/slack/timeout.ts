/**
 * Resolves with `value` after `ms` unless cancelled; cheaper than an AbortSignal per request (aborting one
 * builds a DOMException with a stack trace), and never keeps the process alive.
 */
export function timeout<T>(ms: number, value: T): { promise: Promise<T>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(value), ms);
    timer.unref();
  });
  return { promise, cancel: () => clearTimeout(timer) };
}
