import { deliveryFailure, retryAfter } from '../../../../channels/teams/delivery-failure.js';

const restError = (statusCode: number, headers: Record<string, string> = {}) => ({ statusCode, response: { headers: { get: (name: string) => headers[name] } } });

describe('Teams delivery failures', () => {
  it.each([429, 412, 502, 504])('asks the relay to retry on %i, after Retry-After when Teams sends one', (status) => {
    const error = deliveryFailure(restError(status, { 'retry-after': '3' }), 0);
    expect(error).toMatchObject({ permanent: false, retryAfterMs: 3000 });
    expect(deliveryFailure(restError(status), 0)).toMatchObject({ permanent: false, retryAfterMs: undefined });
  });

  it.each([400, 403, 404])('gives the message up on %i (a gone or blocked conversation)', (status) => {
    expect(deliveryFailure(restError(status), 0).permanent).toBe(true);
  });

  it('retries a network error with the relay\'s own backoff', () => {
    expect(deliveryFailure(new Error('ECONNRESET'), 0)).toMatchObject({ permanent: false, retryAfterMs: undefined });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(retryAfter('0.5', now)).toBe(500);
    expect(retryAfter('Fri, 04 Dec 2026 10:00:07 GMT', now)).toBe(7000);
    expect(retryAfter('soon', now)).toBeUndefined();
    expect(retryAfter(null, now)).toBeUndefined();
  });
});
