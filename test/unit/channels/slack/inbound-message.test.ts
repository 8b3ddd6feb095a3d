import { decideInbound } from '../../../../channels/slack/inbound-message.js';

const BOT = 'U0BOT';
const dm = (extra: Record<string, unknown> = {}) => ({ type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: 'hello', ts: '1.1', ...extra });

describe('which Slack events the bot answers', () => {
  it('answers a direct message in place and a mention in its thread, without the mention', () => {
    expect(decideInbound(dm(), BOT)).toEqual({ kind: 'text', text: 'hello', user: 'U1', channel: 'D1' });
    const mention = { type: 'app_mention', channel: 'C1', user: 'U1', text: `<@${BOT}> my VPN &amp; Wi-Fi are down`, ts: '2.2' };
    expect(decideInbound(mention, BOT)).toEqual({ kind: 'text', text: 'my VPN & Wi-Fi are down', user: 'U1', channel: 'C1', threadTs: '2.2' });
    expect(decideInbound({ ...mention, thread_ts: '1.0' }, BOT)).toMatchObject({ threadTs: '1.0' });
  });

  it.each([
    ['another bot', dm({ bot_id: 'B2' })],
    ['itself', dm({ user: BOT })],
    ['an edit', dm({ subtype: 'message_changed' })],
    ['a deletion', dm({ subtype: 'message_deleted', user: undefined })],
    ['a channel message without a mention', dm({ channel: 'C1', channel_type: 'channel' })],
    ['a message without text or files', dm({ text: '   ' })],
    ['an unknown event', { type: 'reaction_added', user: 'U1' }],
    ['the app_mention twin of a direct message that mentions the bot', { type: 'app_mention', channel: 'D1', channel_type: 'im', user: 'U1', text: `<@${BOT}> hi`, ts: '3.3' }],
  ])('ignores %s', (_name, event) => {
    expect(decideInbound(event, BOT).kind).toBe('ignore');
  });

  it('tells a file without text apart, and reads the text that comes with a file', () => {
    expect(decideInbound(dm({ subtype: 'file_share', text: '', files: [{ id: 'F1' }] }), BOT)).toEqual({ kind: 'unusable', file: { kind: 'file' }, user: 'U1', channel: 'D1' });
    expect(decideInbound(dm({ subtype: 'file_share', text: '', files: [{ id: 'F2', name: 'error.png', mimetype: 'image/png' }] }), BOT)).toMatchObject({ kind: 'unusable', file: { kind: 'image/png', name: 'error.png' } });
    expect(decideInbound(dm({ subtype: 'file_share', text: 'this error', files: [{ id: 'F1' }] }), BOT)).toMatchObject({ kind: 'text', text: 'this error' });
  });
});
