import { randomUUID } from 'node:crypto';
import type { InProcessMesa } from '../in-process-mesa.js';
import type { ChannelHarness } from './channel-harness.js';
import { FakeBotConnector } from './fake-bot-connector.js';
import { messageActivity, newParty, postActivity, seenReply } from './teams-activities.js';

/**
 * Teams through the real botbuilder CloudAdapter, with the cloud side FAKED on loopback (Bot Connector, login,
 * OpenID keys): activities come in signed like the Bot Connector's, replies are read from what Mesa sends it.
 */
export function teamsHarness(): ChannelHarness & { connector: () => FakeBotConnector; appId: string } {
  // A fresh app id per harness: the SDK caches outgoing tokens per app id for the whole process.
  const appId = randomUUID();
  const connector = new FakeBotConnector({ appId, password: `secret-${randomUUID()}` });
  let url = '';
  return {
    channel: 'teams',
    appId,
    connector: () => connector,
    setUp: async () => {
      await connector.start();
      return { env: connector.env() };
    },
    attach: async (mesa: InProcessMesa) => {
      url = mesa.url;
    },
    async newUser(id, language) {
      const party = newParty(connector, id, language);
      let read = connector.sent.length;
      const send = async (fields: Record<string, unknown>): Promise<void> => {
        const response = await postActivity(url, messageActivity(connector, party, appId, fields), connector.channelAuthorization());
        if (response.status !== 200) throw new Error(`Mesa refused the activity: ${response.status} ${await response.text()}`);
      };
      return {
        say: (text) => send({ text }),
        // A press on an Adaptive Card's Action.Submit arrives as a message with the button's data and no text.
        choose: (choice) => send({ value: { mesaAction: choice.id } }),
        next: async (test = () => true, timeoutMs) => {
          const { sent, index } = await connector.next(party.conversationId, read, (candidate) => candidate.activity.type === 'message' && test(seenReply(candidate.activity)), timeoutMs);
          read = index + 1;
          return seenReply(sent.activity);
        },
      };
    },
    tearDown: () => connector.stop(),
  };
}
