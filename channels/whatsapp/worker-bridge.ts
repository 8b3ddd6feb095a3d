import type { WhatsappClientLike, WhatsappMessageLike } from './whatsapp-client.js';
import { workerCommandSchema, type IncomingMessage, type WorkerEvent, type WorkerStart } from './worker-protocol.js';

/** The worker's side of the IPC channel (process.send / process.on('message') in the forked worker). */
export interface WorkerPort {
  send(event: WorkerEvent): void;
  onCommand(listener: (raw: unknown) => void): void;
}

export interface WorkerBridgeOptions {
  port: WorkerPort;
  createClient: (start: WorkerStart) => WhatsappClientLike;
  /** Ends the worker once the client is destroyed. */
  exit: (code: number) => void;
}

const text = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/** Flattens a whatsapp-web.js Message; the phone number comes from the chat id, or from the contact for `@lid` ids. */
export async function toIncoming(message: WhatsappMessageLike): Promise<IncomingMessage> {
  const privateChat = /^(\d{6,15})@c\.us$/.exec(message.from);
  let phone = privateChat?.[1] ?? null;
  let pushname = message._data?.notifyName ?? null;
  if (!phone && message.from.endsWith('@lid') && message.getContact) {
    const contact = await message.getContact();
    phone = contact.number && /^\d{6,15}$/.test(contact.number) ? contact.number : null;
    pushname = pushname ?? contact.pushname ?? null;
  }
  return {
    id: message.id._serialized,
    chatId: message.from,
    fromMe: message.fromMe,
    body: message.body ?? '',
    kind: message.type,
    hasMedia: message.hasMedia,
    isStatus: Boolean(message.isStatus) || message.from === 'status@broadcast',
    edited: Boolean(message.latestEditSenderTimestampMs),
    phone,
    pushname: pushname ? pushname.slice(0, 200) : null,
  };
}

/**
 * Runs inside the worker process: owns the whatsapp-web.js client, turns its events into IPC events and IPC
 * commands into client calls. Only `message` is forwarded, so edits and revocations never reach Mesa.
 */
export function runWorkerBridge({ port, createClient, exit }: WorkerBridgeOptions): { shutdown(): void } {
  let client: WhatsappClientLike | undefined;
  // Conversions can wait on a contact lookup; chaining them keeps the user's messages in order.
  let forwarding = Promise.resolve();

  const start = (command: WorkerStart): void => {
    if (client) return;
    const started = createClient(command);
    client = started;
    started.on('qr', (qr: string) => port.send({ type: 'qr', qr }));
    started.on('authenticated', () => port.send({ type: 'authenticated' }));
    started.on('ready', () => port.send({ type: 'ready' }));
    started.on('change_state', (state: string) => port.send({ type: 'state', state: String(state).slice(0, 100) }));
    started.on('disconnected', (reason: string) => port.send({ type: 'disconnected', reason: String(reason).slice(0, 200) }));
    started.on('auth_failure', (message: string) => port.send({ type: 'auth_failure', message: String(message).slice(0, 1000) }));
    started.on('message', (message: WhatsappMessageLike) => {
      forwarding = forwarding
        .then(async () => {
          port.send({ type: 'message', message: await toIncoming(message) });
        })
        .catch((error: unknown) => {
          process.stderr.write(`whatsapp worker: could not read a message: ${text(error)}\n`);
        });
    });
    started.initialize().catch((error: unknown) => port.send({ type: 'fatal', error: text(error) }));
  };

  port.onCommand((raw) => {
    const parsed = workerCommandSchema.safeParse(raw);
    if (!parsed.success) {
      process.stderr.write(`whatsapp worker: ignored an invalid command: ${parsed.error.message}\n`);
      return;
    }
    const command = parsed.data;
    if (command.type === 'start') start(command);
    else if (command.type === 'send') {
      if (!client) port.send({ type: 'send_failed', requestId: command.requestId, error: 'the client has not started' });
      else client.sendMessage(command.chatId, command.text).then(
        () => port.send({ type: 'sent', requestId: command.requestId }),
        (error: unknown) => port.send({ type: 'send_failed', requestId: command.requestId, error: text(error) }),
      );
    } else shutdown();
  });

  // Closing the client closes its browser; only then may the worker end.
  function shutdown(): void {
    const stopping = client ? client.destroy() : Promise.resolve();
    stopping.catch(() => undefined).finally(() => exit(0));
  }
  return { shutdown };
}
