import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WhatsappClientLike, WhatsappMessageLike } from '../../../../channels/whatsapp/whatsapp-client.js';
import type { WorkerStart } from '../../../../channels/whatsapp/worker-protocol.js';

/** What Mesa sent through the fake client. */
export interface SentMessage {
  chatId: string;
  text: string;
}

let sequence = 0;

/**
 * A FAKE whatsapp-web.js Client (WhatsApp's servers cannot be reached here): the same events, `initialize`,
 * `sendMessage` and `destroy`, and messages of the real `Message` shape. It keeps its "session" where
 * LocalAuth does (`<dataPath>/session-<clientId>`): with one there it resumes (authenticated, ready), without
 * it asks for a QR until `pair()` is called, as the phone's scan would.
 */
export class FakeWhatsappClient extends EventEmitter implements WhatsappClientLike {
  readonly sent: SentMessage[] = [];
  /** Makes sendMessage fail, as an unreachable WhatsApp would. */
  failSends = false;
  initialized = false;
  destroyed = false;
  private waiters: Array<() => void> = [];

  constructor(readonly start: WorkerStart) {
    super();
  }

  get sessionDir(): string {
    return join(this.start.dataPath, `session-${this.start.clientId}`);
  }

  async initialize(): Promise<void> {
    this.initialized = true;
    queueMicrotask(() => {
      if (existsSync(this.sessionDir)) this.connect();
      else this.emit('qr', `2@fake-pairing-code-${++sequence}`);
    });
  }

  /** The phone scanned the QR: the session is stored and the client connects. */
  pair(): void {
    mkdirSync(this.sessionDir, { recursive: true });
    this.connect();
  }

  async sendMessage(chatId: string, text: string): Promise<unknown> {
    if (this.failSends) throw new Error('Evaluation failed: fake WhatsApp is unreachable');
    this.sent.push({ chatId, text });
    for (const wake of this.waiters.splice(0)) wake();
    return { id: { _serialized: `true_${chatId}_${++sequence}` } };
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }

  /** A message arrives from WhatsApp, in whatsapp-web.js's Message shape. */
  receive(fields: Partial<WhatsappMessageLike> & { from: string }): WhatsappMessageLike {
    const message: WhatsappMessageLike = {
      id: { _serialized: `false_${fields.from}_FAKE${++sequence}` },
      body: '',
      type: 'chat',
      fromMe: false,
      hasMedia: false,
      isStatus: false,
      _data: { notifyName: 'Fake User' },
      ...fields,
    };
    this.emit('message', message);
    return message;
  }

  /** Resolves once a message to `chatId` matches, scanning `sent` from index `from`. */
  async nextSent(chatId: string, from: number, test: (text: string) => boolean = () => true, timeoutMs = 15_000): Promise<{ text: string; index: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.sent.findIndex((sent, at) => at >= from && sent.chatId === chatId && test(sent.text));
      if (index >= 0) return { text: this.sent[index]!.text, index };
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`nothing matching was sent to ${chatId}; got: ${JSON.stringify(this.sent.slice(from).filter((sent) => sent.chatId === chatId).map((sent) => sent.text))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private connect(): void {
    this.emit('authenticated');
    this.emit('ready');
  }
}
