import { createHmac } from 'node:crypto';

/** Headers Slack signs a request with: HMAC-SHA256 of `v0:<timestamp>:<body>` under the app's signing secret. */
export function slackSignatureHeaders(secret: string, body: string, timestampSeconds = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSeconds), 'x-slack-signature': `v0=${signature}` };
}

/** Posts a signed request to Mesa's Slack endpoint the way Slack does; `headers` override or add to the signed ones. */
export async function postToSlackEndpoint(url: string, secret: string, body: string, options: { contentType?: string; headers?: Record<string, string>; timestampSeconds?: number } = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': options.contentType ?? 'application/json', ...slackSignatureHeaders(secret, body, options.timestampSeconds), ...options.headers },
    body,
  });
}

/** An interactivity payload as Slack posts it: form-encoded JSON in `payload`. */
export function interactivityBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
