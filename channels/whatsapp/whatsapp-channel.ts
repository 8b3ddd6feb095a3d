import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { ConfigError } from '../../bot/core/config-error.js';
import type { Logger } from '../../bot/logger.js';
import type { ChannelAdapter, ChannelPlugin } from '../contract.js';
import { ForkedTransport } from './forked-transport.js';
import { WHATSAPP_CHANNEL } from './inbound-handler.js';
import { abortableSleep, SendLimiter } from './send-limiter.js';
import { WhatsappAdapter } from './whatsapp-adapter.js';
import { readWhatsappSettings, type WhatsappSettings } from './whatsapp-settings.js';
import type { WhatsappTransport } from './whatsapp-transport.js';
import type { WorkerStart } from './worker-protocol.js';

/** LocalAuth's client id: fixed, so every start finds the same session directory. */
export const WHATSAPP_CLIENT_ID = 'mesa';

export interface WhatsappChannelOptions {
  /** Settings that take precedence over Mesa's environment (an embedding app's, a test's). */
  env?: NodeJS.ProcessEnv;
  /** Where whatsapp-web.js runs; a forked worker unless a test hands in its own. */
  transport?: (start: WorkerStart, settings: WhatsappSettings, logger: Logger) => WhatsappTransport;
  /** Milliseconds since the epoch, for the send pacing: real time by default, since it is WhatsApp's servers that count. */
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Where the pairing code is drawn for the operator (standard error when unset). */
  showQr?: (qr: string) => void;
}

function forkedTransport(start: WorkerStart, settings: WhatsappSettings, logger: Logger): WhatsappTransport {
  if (!existsSync(settings.chromiumPath)) throw new ConfigError(`WHATSAPP_CHROMIUM_PATH=${JSON.stringify(settings.chromiumPath)}: no Chromium there (install Debian's chromium package or point it at one).`);
  return new ForkedTransport({ workerPath: fileURLToPath(new URL('./whatsapp-worker.js', import.meta.url)), start, logger, maxRssBytes: settings.maxRssBytes });
}

function drawInTerminal(qr: string): void {
  QRCode.toString(qr, { type: 'terminal', small: true })
    .then((drawing) => process.stderr.write(`\nScan with WhatsApp (Settings › Linked devices) to pair Mesa:\n${drawing}\n`))
    .catch(() => undefined);
}

/** The WhatsApp channel, on whatsapp-web.js in a watched worker process; off unless WHATSAPP_ENABLED=on. */
export function whatsappChannel(options: WhatsappChannelOptions = {}): ChannelPlugin {
  return {
    name: WHATSAPP_CHANNEL,
    async create(context): Promise<ChannelAdapter | { disabled: string }> {
      const settings = readWhatsappSettings({ ...context.env, ...options.env }, context.dataDir);
      if (!settings.enabled) return { disabled: 'WHATSAPP_ENABLED is not on' };
      const start: WorkerStart = { type: 'start', dataPath: settings.sessionDir, clientId: WHATSAPP_CLIENT_ID, chromiumPath: settings.chromiumPath };
      const transport = (options.transport ?? forkedTransport)(start, settings, context.logger);
      // The session is a login to the number: only Mesa's user may read it.
      mkdirSync(settings.sessionDir, { recursive: true, mode: 0o700 });
      const limiter = new SendLimiter({
        chatIntervalMs: settings.chatIntervalMs,
        maxPerMinute: settings.maxPerMinute,
        now: options.now ?? Date.now,
        sleep: options.sleep ?? abortableSleep,
      });
      return new WhatsappAdapter({ context, transport, limiter, showQr: options.showQr ?? drawInTerminal });
    },
  };
}
