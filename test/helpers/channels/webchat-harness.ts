import { ChatSession } from '../chat-client.js';
import type { InProcessMesa } from '../in-process-mesa.js';
import { nextMatching } from '../service-desk-client.js';
import type { ChannelHarness, SeenReply } from './channel-harness.js';

/** The web chat through its public API, as the widget uses it. */
export function webchatHarness(): ChannelHarness {
  let url = '';
  return {
    channel: 'webchat',
    setUp: async () => ({ env: {} }),
    attach: async (mesa: InProcessMesa) => {
      url = mesa.url;
    },
    async newUser(id, language) {
      const chat = await ChatSession.create(url, { locale: language, user: { id } });
      const seen = (message: { text: string; actions?: Array<{ id: string; label: string }>; ticket?: { number: string; status: string } }): SeenReply => ({
        text: message.text,
        choices: message.actions ?? [],
        ...(message.ticket ? { ticket: message.ticket } : {}),
      });
      return {
        say: async (text) => {
          chat.cursor = await chat.say(text);
        },
        choose: async (choice) => {
          chat.cursor = await chat.press(choice.id);
        },
        next: async (test = () => true, timeoutMs = 15_000) => seen(await nextMatching(chat, (message) => test(seen(message)), timeoutMs)),
      };
    },
    tearDown: async () => undefined,
  };
}
