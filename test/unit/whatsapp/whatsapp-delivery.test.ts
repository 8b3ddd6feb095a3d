import { loadLocaleResources } from '../../../bot/i18n/load-locales.js';
import { createTranslator } from '../../../bot/i18n/translator.js';
import { createLogger } from '../../../bot/logger.js';
import { localesDir } from '../../../bot/paths.js';
import { DeliveryError, type ChannelAdapter, type ChannelContext, type DeliveryTarget } from '../../../channels/contract.js';
import { whatsappChannel } from '../../../channels/whatsapp/whatsapp-channel.js';
import type { TransportEvent, WhatsappTransport } from '../../../channels/whatsapp/whatsapp-transport.js';

/** A transport stand-in that records sends; the test says when WhatsApp is connected. */
class RecordingTransport implements WhatsappTransport {
  readonly sent: Array<{ chatId: string; text: string }> = [];
  emit: (event: TransportEvent) => void = () => undefined;
  async start(listener: (event: TransportEvent) => void): Promise<void> {
    this.emit = listener;
  }
  async send(chatId: string, text: string): Promise<void> {
    this.sent.push({ chatId, text });
  }
  async stop(): Promise<void> {}
}

const message = { id: '9', conversationId: 'c1', role: 'bot' as const, text: 'Hola', locale: 'es' as const, createdAt: new Date(0) };
const targetFor = (reference: unknown): DeliveryTarget => ({ conversation: { id: 'c1' }, address: { channel: 'whatsapp', key: 'k', conversationId: 'c1', reference }, user: null }) as unknown as DeliveryTarget;

describe('WhatsApp delivery', () => {
  let adapter: ChannelAdapter;
  let transport: RecordingTransport;
  let now = 0;
  const slept: number[] = [];

  beforeEach(async () => {
    transport = new RecordingTransport();
    const context = { env: {}, dataDir: '/tmp/mesa-whatsapp-delivery', logger: createLogger('silent'), clock: () => new Date(), translator: await createTranslator(loadLocaleResources(localesDir())) } as unknown as ChannelContext;
    slept.length = 0;
    adapter = (await whatsappChannel({
      env: { WHATSAPP_ENABLED: 'on' },
      transport: () => transport,
      showQr: () => undefined,
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    }).create(context)) as ChannelAdapter;
    await adapter.start();
  });

  afterEach(async () => {
    await adapter.stop();
  });

  it('can reach a user for 24 hours after they wrote', () => {
    expect(adapter.reachForMs).toBe(24 * 60 * 60 * 1000);
  });

  it('holds replies back, to be retried, until WhatsApp is connected', async () => {
    const refused = await adapter.deliver!(targetFor({ chatId: '34600000001@c.us' }), message).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DeliveryError);
    expect(refused).toMatchObject({ permanent: false, retryAfterMs: 10_000 });
    transport.emit({ type: 'ready' });
    await adapter.deliver!(targetFor({ chatId: '34600000001@c.us' }), message);
    expect(transport.sent).toEqual([{ chatId: '34600000001@c.us', text: 'Hola' }]);
  });

  it('never writes to a group or any chat that is not a private chat that wrote first', async () => {
    transport.emit({ type: 'ready' });
    for (const reference of [{ chatId: '120363012345678901@g.us' }, { chatId: 'status@broadcast' }, {}]) {
      await expect(adapter.deliver!(targetFor(reference), message)).rejects.toMatchObject({ permanent: true });
    }
    expect(transport.sent).toEqual([]);
  });

  it('paces a burst to one chat at one message every 6 s (on an injected clock)', async () => {
    transport.emit({ type: 'ready' });
    for (const text of ['uno', 'dos', 'tres']) await adapter.deliver!(targetFor({ chatId: '34600000001@c.us' }), { ...message, text });
    expect(transport.sent.map((sent) => sent.text)).toEqual(['uno', 'dos', 'tres']);
    expect(slept).toEqual([6000, 6000]);
  });
});
