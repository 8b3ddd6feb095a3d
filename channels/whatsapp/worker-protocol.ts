import { z } from 'zod';

/** What the worker needs to build its whatsapp-web.js client; sent as the first command. */
export const workerStartSchema = z.object({
  type: z.literal('start'),
  /** LocalAuth's dataPath: the same directory on every start, so a paired session resumes. */
  dataPath: z.string().min(1),
  clientId: z.string().regex(/^[\w-]+$/),
  chromiumPath: z.string().min(1),
});

export type WorkerStart = z.infer<typeof workerStartSchema>;

/** Commands the parent sends the worker over IPC. */
export const workerCommandSchema = z.discriminatedUnion('type', [
  workerStartSchema,
  z.object({ type: z.literal('send'), requestId: z.string().min(1), chatId: z.string().min(1), text: z.string().min(1).max(65_536) }),
  z.object({ type: z.literal('stop') }),
]);

export type WorkerCommand = z.infer<typeof workerCommandSchema>;

/** An incoming WhatsApp message, flattened from whatsapp-web.js's Message so it can cross the process boundary. */
export const incomingMessageSchema = z.object({
  id: z.string().min(1),
  /** The chat it came from: `<number>@c.us` (or `@lid`) for a private chat, `@g.us` for a group, `status@broadcast`. */
  chatId: z.string().min(1),
  fromMe: z.boolean(),
  body: z.string(),
  /** whatsapp-web.js's MessageTypes value: chat, image, ptt, document, sticker, location, revoked… */
  kind: z.string(),
  hasMedia: z.boolean(),
  isStatus: z.boolean(),
  edited: z.boolean(),
  /** The sender's phone number, digits only, when WhatsApp tells it. */
  phone: z.string().regex(/^\d{6,15}$/).nullable(),
  pushname: z.string().max(200).nullable(),
});

export type IncomingMessage = z.infer<typeof incomingMessageSchema>;

/** Events the worker reports to the parent over IPC. */
export const workerEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('qr'), qr: z.string().min(1).max(4096) }),
  z.object({ type: z.literal('authenticated') }),
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('state'), state: z.string().max(100) }),
  z.object({ type: z.literal('disconnected'), reason: z.string().max(200) }),
  z.object({ type: z.literal('auth_failure'), message: z.string().max(1000) }),
  z.object({ type: z.literal('message'), message: incomingMessageSchema }),
  z.object({ type: z.literal('sent'), requestId: z.string().min(1) }),
  z.object({ type: z.literal('send_failed'), requestId: z.string().min(1), error: z.string().max(1000) }),
  z.object({ type: z.literal('fatal'), error: z.string().max(1000) }),
]);

export type WorkerEvent = z.infer<typeof workerEventSchema>;
