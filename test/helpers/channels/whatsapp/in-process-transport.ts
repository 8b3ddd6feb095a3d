import { createLogger } from '../../../../bot/logger.js';
import { runWorkerBridge } from '../../../../channels/whatsapp/worker-bridge.js';
import type { WhatsappClientLike } from '../../../../channels/whatsapp/whatsapp-client.js';
import type { TransportEvent, WhatsappTransport } from '../../../../channels/whatsapp/whatsapp-transport.js';
import { WorkerLink } from '../../../../channels/whatsapp/worker-link.js';
import type { WorkerStart } from '../../../../channels/whatsapp/worker-protocol.js';

// IPC with serialization 'json' hands the other side a JSON copy; so does this, asynchronously.
const overIpc = (value: unknown, deliver: (copy: unknown) => void): void => {
  const copy: unknown = JSON.parse(JSON.stringify(value));
  setImmediate(() => deliver(copy));
};

/**
 * The worker's bridge and the parent's link joined in one process, without fork: the same protocol, validated
 * on both ends, around a client the test provides (a fake whatsapp-web.js client).
 */
export class InProcessTransport implements WhatsappTransport {
  private link: WorkerLink | undefined;
  private toWorker: ((raw: unknown) => void) | undefined;
  exited = false;

  constructor(
    private readonly startCommand: WorkerStart,
    private readonly createClient: (start: WorkerStart) => WhatsappClientLike,
  ) {}

  async start(listener: (event: TransportEvent) => void): Promise<void> {
    const link = new WorkerLink((command) => overIpc(command, (copy) => this.toWorker?.(copy)), listener, createLogger('silent'));
    this.link = link;
    runWorkerBridge({
      port: { send: (event) => overIpc(event, (copy) => link.receive(copy)), onCommand: (listener) => (this.toWorker = listener) },
      createClient: this.createClient,
      exit: () => {
        this.exited = true;
      },
    });
    link.command(this.startCommand);
  }

  async send(chatId: string, text: string): Promise<void> {
    if (!this.link) throw new Error('not started');
    await this.link.send(chatId, text);
  }

  async stop(): Promise<void> {
    this.link?.command({ type: 'stop' });
  }
}
