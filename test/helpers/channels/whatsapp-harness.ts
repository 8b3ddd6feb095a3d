import { createHash } from 'node:crypto';
import type { StoredMessage } from '../../../bot/core/messages.js';
import { whatsappChannel } from '../../../channels/whatsapp/whatsapp-channel.js';
import type { InProcessMesa } from '../in-process-mesa.js';
import type { ChannelHarness, SeenReply } from './channel-harness.js';
import { FakeWhatsappClient } from './whatsapp/fake-whatsapp-client.js';
import { InProcessTransport } from './whatsapp/in-process-transport.js';
import { readWhatsappText, toSeenReply } from './whatsapp/seen-whatsapp-reply.js';

/** A stable fake phone number per test user. */
export function phoneOf(id: string): string {
  return `34${BigInt(`0x${createHash('sha256').update(id).digest('hex').slice(0, 12)}`).toString().slice(0, 9).padStart(9, '6')}`;
}

/**
 * WhatsApp through its adapter and the real worker protocol, with a FAKE whatsapp-web.js client in place of the
 * real one (WhatsApp's servers cannot be reached here). The user types; choices are taken by typing their number.
 */
export function whatsappHarness(): ChannelHarness & { client(): FakeWhatsappClient } {
  let client: FakeWhatsappClient | undefined;
  let mesa: InProcessMesa;
  const plugin = whatsappChannel({
    env: { WHATSAPP_ENABLED: 'on', WHATSAPP_CHAT_INTERVAL_MS: '20', WHATSAPP_MAX_PER_MINUTE: '1000' },
    transport: (start) =>
      new InProcessTransport(start, (command) => {
        client = new FakeWhatsappClient(command);
        queueMicrotask(() => client!.once('qr', () => client!.pair()));
        return client;
      }),
    showQr: () => undefined,
  });
  const current = (): FakeWhatsappClient => {
    if (!client) throw new Error('the WhatsApp worker has not started its client');
    return client;
  };
  return {
    channel: 'whatsapp',
    client: current,
    setUp: async () => ({ env: {}, extraChannels: [plugin] }),
    attach: async (started) => {
      mesa = started;
    },
    async newUser(id) {
      const phone = phoneOf(id);
      const chatId = `${phone}@c.us`;
      let read = current().sent.length;
      const seen: SeenReply[] = [];
      // The ids behind the labels come from Mesa's transcript of this chat; the user never sees them.
      const offered = async (): Promise<StoredMessage['actions']> => {
        const conversation = await mesa.mesa.conversations.open({ channel: 'whatsapp', key: chatId, reference: { chatId } }, { user: { externalId: phone, name: 'Fake User', verified: { phone: `+${phone}` } } });
        return (await mesa.mesa.conversations.messagesAfter(conversation.id, null, 1000)).flatMap((message) => message.actions ?? []);
      };
      const say = async (text: string): Promise<void> => {
        current().receive({ from: chatId, body: text });
      };
      return {
        say,
        choose: async (choice) => {
          const shown = [...seen].reverse().find((reply) => reply.choices.some((candidate) => candidate.id === choice.id));
          if (!shown) throw new Error(`"${choice.label}" was never shown to the user`);
          await say(String(shown.choices.findIndex((candidate) => candidate.id === choice.id) + 1));
        },
        next: async (test = () => true, timeoutMs = 15_000) => {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const { text, index } = await current().nextSent(chatId, read, () => true, Math.max(1, deadline - Date.now()));
            read = index + 1;
            const reply = toSeenReply(readWhatsappText(text), (await offered()) ?? []);
            seen.push(reply);
            if (test(reply)) return reply;
          }
        },
      };
    },
    tearDown: async () => undefined,
  };
}
