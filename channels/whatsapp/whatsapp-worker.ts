// The worker process: whatsapp-web.js and its Chromium live here, so a leak or crash in them takes down this
// process only; the parent's watchdog restarts it. Started by ForkedTransport with child_process.fork.
import { createWhatsappClient } from './real-whatsapp-client.js';
import { runWorkerBridge } from './worker-bridge.js';

if (!process.send) {
  process.stderr.write('whatsapp-worker must be started by Mesa (child_process.fork), not on its own\n');
  process.exit(2);
}

const bridge = runWorkerBridge({
  port: {
    send: (event) => process.send?.(event),
    onCommand: (listener) => process.on('message', listener),
  },
  createClient: createWhatsappClient,
  exit: (code) => process.exit(code),
});

// The watchdog's restart: close the browser cleanly first (puppeteer's own SIGTERM handler does not end the process).
process.once('SIGTERM', () => bridge.shutdown());
// The parent went away (crashed, killed): nothing may keep Chromium running without it.
process.on('disconnect', () => process.exit(0));
