import { clickOf } from '../../../../channels/slack/button-click.js';
import { slackAddress } from '../../../../channels/slack/slack-address.js';

const press = (user: string, channel: string, threadTs?: string) => ({
  body: { user: { id: user }, team: { id: 'T1' }, channel: { id: channel }, container: { message_ts: '5.5', channel_id: channel, ...(threadTs ? { thread_ts: threadTs } : {}) }, message: { ts: '5.5', ...(threadTs ? { thread_ts: threadTs } : {}) } },
  action: { action_id: 'mesa:1', value: 'kbfix.done', action_ts: '6.6' },
});

describe('which Mesa conversation a Slack message or press belongs to', () => {
  it('keeps one conversation per direct message, and one per person in a mention thread', () => {
    expect(slackAddress({ team: 'T1', channel: 'D1' }, 'U1').key).toBe('T1:D1');
    expect(slackAddress({ team: 'T1', channel: 'C1', threadTs: '1.1' }, 'U1').key).not.toBe(slackAddress({ team: 'T1', channel: 'C1', threadTs: '1.1' }, 'U2').key);
  });

  it('takes a press in a thread to the presser\'s own conversation there, and a press in a direct message to that one', () => {
    const inThread = clickOf(press('U2', 'C1', '1.1').body, press('U2', 'C1', '1.1').action)!;
    expect(slackAddress(inThread.reference, inThread.user).key).toBe(slackAddress({ team: 'T1', channel: 'C1', threadTs: '1.1' }, 'U2').key);
    const inDm = clickOf(press('U1', 'D1').body, press('U1', 'D1').action)!;
    expect(slackAddress(inDm.reference, inDm.user).key).toBe('T1:D1');
    expect(inDm).toMatchObject({ actionId: 'kbfix.done', clickId: '5.5:6.6' });
  });

  it('reads nothing from a payload that is not a press of a Mesa button', () => {
    expect(clickOf({ user: { id: 'U1' } }, { action_id: 'mesa:1', value: 'x', action_ts: '1' })).toBeNull();
    expect(clickOf(press('U1', 'D1').body, { action_id: 'mesa:1' })).toBeNull();
  });
});
