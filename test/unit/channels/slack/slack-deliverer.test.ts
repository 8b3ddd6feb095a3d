import { webApi } from '@slack/bolt';
import type { ConversationRecord } from '../../../../bot/core/conversation-repository.js';
import type { StoredMessage } from '../../../../bot/core/messages.js';
import { DeliveryError, type DeliveryTarget } from '../../../../channels/contract.js';
import { ChannelLimiter } from '../../../../channels/slack/channel-limiter.js';
import { slackDeliverer, type ChatApi } from '../../../../channels/slack/slack-deliverer.js';
import { expectedTexts } from '../../../helpers/expected-text.js';

const message: StoredMessage = { id: '7', conversationId: 'c1', role: 'agent', text: 'Restart the VPN client, please', locale: 'en', createdAt: new Date(0) };
const target = (reference: unknown): DeliveryTarget => ({ conversation: { id: 'c1' } as ConversationRecord, address: { channel: 'slack', key: 'T1:C1:1.1', conversationId: 'c1', reference }, user: null });

async function deliverer(postMessage: ChatApi['chat']['postMessage'], waits: number[] = []) {
  const t = await expectedTexts();
  const translator = { forLanguage: t, namespace: () => ({}) };
  const limiter = new ChannelLimiter({ clock: () => new Date(0), sleep: async (ms) => { waits.push(ms); } });
  return slackDeliverer({ client: { chat: { postMessage } }, translator, limiter });
}

describe('Slack delivery', () => {
  it('posts into the thread the conversation lives in, without link previews', async () => {
    const posted: unknown[] = [];
    const slack = await deliverer(async (call) => { posted.push(call); return { ok: true }; });
    await slack.deliver(target({ team: 'T1', channel: 'C1', threadTs: '1.1' }), message);
    expect(posted).toEqual([expect.objectContaining({ channel: 'C1', thread_ts: '1.1', text: message.text, unfurl_links: false })]);
  });

  it('gives up for good when the channel is gone, and on an address without a channel', async () => {
    const slack = await deliverer(async () => { throw new webApi.WebAPIPlatformError({ ok: false, error: 'channel_not_found' }); });
    await expect(slack.deliver(target({ team: 'T1', channel: 'C1' }), message)).rejects.toMatchObject({ permanent: true });
    await expect(slack.deliver(target({ team: 'T1' }), message)).rejects.toMatchObject({ permanent: true });
  });

  it('after a 429 waits, and holds the channel back for the next post too', async () => {
    const waits: number[] = [];
    let calls = 0;
    const slack = await deliverer(async () => {
      if (++calls === 1) throw new webApi.WebAPIRateLimitedError(3);
      return { ok: true };
    }, waits);
    const failure = await slack.deliver(target({ team: 'T1', channel: 'C1' }), message).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).retryAfterMs).toBe(3000);
    await slack.deliver(target({ team: 'T1', channel: 'C1' }), message);
    expect(waits).toEqual([3000]);
  });
});
