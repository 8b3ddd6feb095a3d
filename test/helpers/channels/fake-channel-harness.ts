import { randomUUID } from 'node:crypto';
import type { InProcessMesa } from '../in-process-mesa.js';
import type { ChannelHarness, SeenReply } from './channel-harness.js';
import { FakeTestChannel, type FakeDelivery } from './fake-test-channel.js';

/** The fake test channel: a channel that exists only in test/ and plugs in through the contract alone. */
export function fakeChannelHarness(channel = new FakeTestChannel()): ChannelHarness & { channelUnderTest: FakeTestChannel } {
  let url = '';
  const seen = (delivery: FakeDelivery): SeenReply => ({ text: delivery.text, choices: delivery.choices.map(({ id, label }) => ({ id, label })), ...(delivery.ticket ? { ticket: delivery.ticket } : {}) });
  return {
    channel: 'testchat',
    channelUnderTest: channel,
    setUp: async () => ({ env: {}, extraChannels: [channel.plugin()] }),
    attach: async (mesa: InProcessMesa) => {
      url = mesa.url;
    },
    async newUser(id) {
      const chatId = `chat-${id}`;
      let read = channel.delivered.length;
      const send = async (body: Record<string, string>): Promise<void> => {
        const response = await fetch(`${url}/testchat/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventId: randomUUID(), chatId, userId: id, ...body }) });
        if (response.status !== 200) throw new Error(`inbound refused: ${response.status} ${await response.text()}`);
      };
      return {
        say: (text) => send({ text }),
        choose: (choice) => send({ actionId: choice.id }),
        next: async (test = () => true, timeoutMs) => {
          const { delivery, index } = await channel.next(chatId, read, (candidate) => test(seen(candidate)), timeoutMs);
          read = index + 1;
          return seen(delivery);
        },
      };
    },
    tearDown: async () => undefined,
  };
}
