import { z } from 'zod';
import { KeyedLock } from '../../bot/core/keyed-lock.js';
import type { StoredMessage } from '../../bot/core/messages.js';
import { DeliveryError, type ChannelAdapter, type ChannelContext, type ChannelRoute, type DeliveryTarget } from '../contract.js';
import { ConnectionStatus } from './connection-status.js';
import { inboundHandler, WHATSAPP_CHANNEL } from './inbound-handler.js';
import { OfferedChoices } from './offered-choices.js';
import { renderWhatsappMessage } from './render-message.js';
import type { SendLimiter } from './send-limiter.js';
import { statusApiRouter, statusPageRouter } from './status-routes.js';
import type { TransportEvent, WhatsappTransport } from './whatsapp-transport.js';

const referenceSchema = z.object({ chatId: z.string().regex(/^\d{6,15}@(c\.us|lid)$/) });

/** A day: the window in which WhatsApp lets a business answer someone who wrote; the bot never writes first. */
export const WHATSAPP_REACH_MS = 24 * 60 * 60 * 1000;

export interface WhatsappAdapterOptions {
  context: ChannelContext;
  transport: WhatsappTransport;
  limiter: SendLimiter;
  /** Shows a pairing code where the operator can scan it (the terminal). */
  showQr: (qr: string) => void;
}

/**
 * The WhatsApp adapter: events from the worker become conversation messages, committed replies become paced,
 * numbered-list texts. It only ever answers chats that wrote first: addresses exist only for inbound chats.
 */
export class WhatsappAdapter implements ChannelAdapter {
  readonly name = WHATSAPP_CHANNEL;
  readonly capabilities = { buttons: false, maxButtons: 10, cards: false, typing: false, edits: false, markdown: false };
  readonly reachForMs = WHATSAPP_REACH_MS;
  readonly routes: ChannelRoute[];
  readonly status: ConnectionStatus;
  private readonly stopping = new AbortController();
  private readonly handleInbound: ReturnType<typeof inboundHandler>;
  // Each chat's messages are taken in one at a time, so a quick second message cannot overtake the first.
  private readonly inbound = new KeyedLock();

  constructor(private readonly options: WhatsappAdapterOptions) {
    const { context } = options;
    this.status = new ConnectionStatus(context.logger, context.clock);
    const routeOptions = { status: this.status, staff: context.staff, translator: context.translator };
    this.routes = [
      { path: '/api/console/whatsapp', router: statusApiRouter(routeOptions) },
      { path: '/console/whatsapp', router: statusPageRouter(routeOptions) },
    ];
    this.handleInbound = inboundHandler({
      conversations: context.conversations,
      translator: context.translator,
      logger: context.logger,
      choices: new OfferedChoices(context.conversations),
      reply: (chatId, text) => this.sendPaced(chatId, text),
    });
  }

  async start(): Promise<void> {
    this.options.context.logger.info('WhatsApp channel starting its worker');
    await this.options.transport.start((event) => this.onEvent(event));
  }

  async stop(): Promise<void> {
    this.stopping.abort(new DeliveryError('the WhatsApp channel is stopping', { retryAfterMs: 1000 }));
    await this.options.transport.stop();
    this.status.stopped();
  }

  async deliver(target: DeliveryTarget, message: StoredMessage): Promise<void> {
    const reference = referenceSchema.safeParse(target.address.reference);
    if (!reference.success) throw new DeliveryError('this conversation has no WhatsApp chat to answer', { permanent: true });
    if (!this.status.ready) throw new DeliveryError('WhatsApp is not connected', { retryAfterMs: 10_000 });
    await this.sendPaced(reference.data.chatId, renderWhatsappMessage(message, this.options.context.translator.forLanguage(message.locale)));
  }

  private async sendPaced(chatId: string, text: string): Promise<void> {
    await this.options.limiter.acquire(chatId, this.stopping.signal);
    try {
      await this.options.transport.send(chatId, text);
    } catch (error) {
      throw new DeliveryError('WhatsApp did not take the message', { retryAfterMs: 5000, cause: error });
    }
  }

  private onEvent(event: TransportEvent): void {
    this.status.apply(event);
    if (event.type === 'qr') this.options.showQr(event.qr);
    if (event.type !== 'message') return;
    const { message } = event;
    this.inbound.run(message.chatId, () => this.handleInbound(message)).catch((error: unknown) => this.options.context.logger.error({ err: error }, 'a WhatsApp message could not be taken in'));
  }
}
