/**
 * The part of whatsapp-web.js's `Message` the worker reads. Tests hand in objects of this shape; the real
 * client's messages have it too.
 */
export interface WhatsappMessageLike {
  id: { _serialized: string };
  from: string;
  body: string;
  type: string;
  fromMe: boolean;
  hasMedia: boolean;
  isStatus?: boolean;
  latestEditSenderTimestampMs?: number;
  /** whatsapp-web.js keeps the sender's display name here. */
  _data?: { notifyName?: string };
  getContact?(): Promise<{ number?: string | null; pushname?: string | null }>;
}

/** The part of whatsapp-web.js's `Client` the worker drives: its events, `initialize`, `sendMessage` and `destroy`. */
export interface WhatsappClientLike {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each event has its own payload; the bridge types each listener
  on(event: string, listener: (...args: any[]) => void): unknown;
  initialize(): Promise<void>;
  sendMessage(chatId: string, text: string): Promise<unknown>;
  destroy(): Promise<void>;
}
