import wwebjs from 'whatsapp-web.js';
import type { WhatsappClientLike } from './whatsapp-client.js';
import type { WorkerStart } from './worker-protocol.js';

// Chromium runs as root in containers and in a small /dev/shm; these are the flags that let it start there.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-setuid-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'];

/**
 * The real whatsapp-web.js client: LocalAuth keeps the paired session under `dataPath`, so the next start with
 * the same path and client id resumes it without a new QR. Debian's Chromium, never a downloaded browser.
 */
export function createWhatsappClient(start: WorkerStart): WhatsappClientLike {
  const { Client, LocalAuth } = wwebjs;
  return new Client({
    authStrategy: new LocalAuth({ clientId: start.clientId, dataPath: start.dataPath }),
    puppeteer: { executablePath: start.chromiumPath, headless: true, args: CHROMIUM_ARGS },
  }) as unknown as WhatsappClientLike;
}
