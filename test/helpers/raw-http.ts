import { request, type Agent } from 'node:http';

export interface RawResponse {
  status: number;
  body: string;
}

/**
 * A request as a hostile client may send it: node:http passes header values with bytes 0x80–0xFF through
 * as they are (fetch refuses them), and the body is sent exactly as given.
 */
export function rawRequest(url: string, options: { method: string; headers?: Record<string, string>; body?: string; agent?: Agent }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method, headers: options.headers ?? {}, ...(options.agent ? { agent: options.agent } : {}) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
