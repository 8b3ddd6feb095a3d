import type { ChannelContext } from '../../../../channels/contract.js';
import { createLogger } from '../../../../bot/logger.js';
import { slackChannel } from '../../../../channels/slack/slack-channel.js';

// The plugin only reads env, logger and clock while it is built; the rest is never touched before a message arrives.
const context = (env: Record<string, string>): ChannelContext => ({ env, logger: createLogger('silent'), clock: () => new Date(), shutdown: new AbortController().signal }) as unknown as ChannelContext;

describe('the Slack channel plugin', () => {
  it('stays off without a bot token, saying why', async () => {
    expect(await slackChannel.create(context({}))).toEqual({ disabled: 'SLACK_BOT_TOKEN is not set' });
  });

  it('over HTTP serves /slack/events on raw bytes, so the signature is checked over what Slack signed', async () => {
    const adapter = await slackChannel.create(context({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' }));
    if ('disabled' in adapter) throw new Error(adapter.disabled);
    expect(adapter.routes.map(({ path, rawBody }) => ({ path, rawBody }))).toEqual([{ path: '/slack/events', rawBody: true }]);
    expect(adapter.capabilities).toMatchObject({ buttons: true, maxButtons: 25 });
    expect(typeof adapter.deliver).toBe('function');
  });

  it('in Socket Mode needs no HTTP route (it connects out when started)', async () => {
    const adapter = await slackChannel.create(context({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SOCKET_MODE: 'on' }));
    if ('disabled' in adapter) throw new Error(adapter.disabled);
    expect(adapter.routes).toEqual([]);
  });
});
