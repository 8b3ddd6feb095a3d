import { webApi } from '@slack/bolt';
import { deliveryErrorOf } from '../../../../channels/slack/delivery-error-of.js';

describe('Slack send failures as the delivery relay sees them', () => {
  it('waits as long as a 429 says', () => {
    expect(deliveryErrorOf(new webApi.WebAPIRateLimitedError(7))).toMatchObject({ retryAfterMs: 7000, permanent: false });
  });

  it.each(['channel_not_found', 'not_in_channel', 'account_inactive'])('gives up for good on %s', (error) => {
    expect(deliveryErrorOf(new webApi.WebAPIPlatformError({ ok: false, error })).permanent).toBe(true);
  });

  it('retries a server error and a dropped connection', () => {
    expect(deliveryErrorOf(new webApi.WebAPIHTTPError(503, 'Service Unavailable', { 'retry-after': '2' }))).toMatchObject({ retryAfterMs: 2000, permanent: false });
    expect(deliveryErrorOf(new Error('socket hang up')).permanent).toBe(false);
    expect(deliveryErrorOf(new webApi.WebAPIPlatformError({ ok: false, error: 'internal_error' })).permanent).toBe(false);
  });
});
