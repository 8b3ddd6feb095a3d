import { Agent, request } from 'undici';

/** A JSON answer from Mesa. */
export interface AddressedResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * HTTP requests sent from a chosen loopback address (any 127.x.y.z is this machine on Linux), so a test can be
 * many clients at once, as Mesa's per-address limits see them.
 */
export class AddressedClient {
  private readonly agent: Agent;

  constructor(
    readonly baseUrl: string,
    readonly localAddress: string,
  ) {
    this.agent = new Agent({ localAddress });
  }

  async call(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<AddressedResponse> {
    const response = await request(`${this.baseUrl}${path}`, {
      method,
      dispatcher: this.agent,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.body.text();
    return { status: response.statusCode, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** The n-th of many distinct loopback addresses (n from 0). */
export function loopbackAddress(n: number): string {
  return `127.0.${Math.floor(n / 250) + 1}.${(n % 250) + 2}`;
}
