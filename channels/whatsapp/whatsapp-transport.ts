import type { WorkerEvent } from './worker-protocol.js';

/** What the adapter hears from WhatsApp: the worker's events, minus the replies to its own sends. */
export type TransportEvent = Exclude<WorkerEvent, { type: 'sent' | 'send_failed' }> | { type: 'restarting'; reason: string; inMs: number };

/**
 * The adapter's view of WhatsApp: a whatsapp-web.js client somewhere (a forked worker in production, an
 * in-process fake in tests) that reports events and sends text.
 */
export interface WhatsappTransport {
  start(listener: (event: TransportEvent) => void): Promise<void>;
  /** Resolves once WhatsApp accepted the message; rejects with a SendFailedError otherwise. */
  send(chatId: string, text: string): Promise<void>;
  stop(): Promise<void>;
}

/** A send that did not go out: the worker was down, restarting, or the client refused. */
export class SendFailedError extends Error {
  readonly code = 'whatsapp_send_failed';
}
