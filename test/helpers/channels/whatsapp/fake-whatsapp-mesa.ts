import type { ChannelPlugin } from '../../../../channels/contract.js';
import type { WhatsappAdapter } from '../../../../channels/whatsapp/whatsapp-adapter.js';
import { whatsappChannel } from '../../../../channels/whatsapp/whatsapp-channel.js';
import type { WorkerStart } from '../../../../channels/whatsapp/worker-protocol.js';
import { startInProcess, type InProcessMesa } from '../../in-process-mesa.js';
import { FakeWhatsappClient } from './fake-whatsapp-client.js';
import { InProcessTransport } from './in-process-transport.js';
import { until } from './until.js';

/** Mesa with its WhatsApp channel on a FAKE whatsapp-web.js client, and what the channel did with it. */
export interface FakeWhatsappMesa extends InProcessMesa {
  /** Every start command the worker got (one per worker start). */
  starts: WorkerStart[];
  /** Every pairing code the channel showed in the terminal. */
  shownQrs: string[];
  client(): FakeWhatsappClient;
  /** Resolves once the channel reports WhatsApp connected (replies are only sent then). */
  connected(): Promise<void>;
}

export interface FakeWhatsappMesaOptions {
  /** Mesa's settings (DATA_DIR, admin account…). */
  env?: Record<string, string>;
  /** The WhatsApp channel's own settings, over the defaults here (enabled, no pacing). */
  whatsappEnv?: Record<string, string>;
  /** Scan every QR at once, as if the phone were waiting (default true). */
  autoPair?: boolean;
}

/** Starts Mesa in-process (real SQLite) with WhatsApp on a fake client behind the real worker protocol. */
export async function startWithFakeWhatsapp({ env = {}, whatsappEnv = {}, autoPair = true }: FakeWhatsappMesaOptions = {}): Promise<FakeWhatsappMesa> {
  const starts: WorkerStart[] = [];
  const shownQrs: string[] = [];
  let client: FakeWhatsappClient | undefined;
  const plugin = whatsappChannel({
    env: { WHATSAPP_ENABLED: 'on', WHATSAPP_CHAT_INTERVAL_MS: '0', WHATSAPP_MAX_PER_MINUTE: '1000', ...whatsappEnv },
    transport: (start) =>
      new InProcessTransport(start, (command) => {
        starts.push(command);
        const created = new FakeWhatsappClient(command);
        // The phone scans after the code is shown, not while it is being emitted.
        if (autoPair) created.once('qr', () => setImmediate(() => created.pair()));
        client = created;
        return created;
      }),
    showQr: (qr) => shownQrs.push(qr),
  });
  let adapter: WhatsappAdapter | undefined;
  const watched: ChannelPlugin = {
    name: plugin.name,
    create: async (context) => {
      const built = await plugin.create(context);
      if (!('disabled' in built)) adapter = built as WhatsappAdapter;
      return built;
    },
  };
  const mesa = await startInProcess(env, { extraChannels: [watched] });
  return {
    ...mesa,
    starts,
    shownQrs,
    client: () => {
      if (!client) throw new Error('the WhatsApp worker has not built its client');
      return client;
    },
    connected: async () => {
      await until(() => adapter?.status.ready, 'WhatsApp to connect');
    },
  };
}
