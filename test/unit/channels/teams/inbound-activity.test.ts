import { eventKey } from '../../../../channels/teams/event-key.js';
import { inboundActivity, type InboundActivity } from '../../../../channels/teams/inbound-activity.js';
import { isAddressedToBot, withoutMentions } from '../../../../channels/teams/mentions.js';

const base = inboundActivity.parse({
  type: 'message',
  id: '1733300000000',
  timestamp: '2026-12-04T10:00:00.123Z',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: 'a:1chat', conversationType: 'personal' },
  from: { id: '29:1user', aadObjectId: '6f1c0d6e-0000-4000-8000-000000000001' },
  recipient: { id: '28:bot' },
  text: 'my VPN is down',
});

describe('Teams inbound activities', () => {
  it('keys a redelivery under a new activity id like the original, and a new message differently', () => {
    const key = eventKey(base, 'text:my VPN is down');
    expect(eventKey({ ...base, id: '1733300015000' }, 'text:my VPN is down')).toBe(key);
    expect(eventKey({ ...base, id: '1733300016000', timestamp: '2026-12-04T10:00:16.000Z' }, 'text:my VPN is down')).not.toBe(key);
    expect(eventKey(base, 'text:my printer is down')).not.toBe(key);
    expect(eventKey({ ...base, from: { id: '29:1someone-else' } }, 'text:my VPN is down')).not.toBe(key);
  });

  it('falls back to the activity id without a timestamp, and to nothing without either', () => {
    const { timestamp: _timestamp, ...untimed } = base;
    expect(eventKey(untimed as InboundActivity, 'text:x')).toBe('id:1733300000000');
    const { id: _id, ...bare } = untimed;
    expect(eventKey(bare as InboundActivity, 'text:x')).toBeNull();
  });

  it('in group chats and channels listens only when the bot is @mentioned, and reads the text without the mention', () => {
    expect(isAddressedToBot(base)).toBe(true);
    const group = { ...base, conversation: { id: '19:group', conversationType: 'groupChat' } };
    expect(isAddressedToBot(group)).toBe(false);
    expect(isAddressedToBot({ ...group, entities: [{ type: 'mention', mentioned: { id: '28:someone' } }] })).toBe(false);
    expect(isAddressedToBot({ ...group, entities: [{ type: 'mention', mentioned: { id: '28:bot' } }] })).toBe(true);
    expect(withoutMentions('<at>Mesa</at> my <b>VPN</b>   is down')).toBe('my <b>VPN</b> is down');
  });

  it('refuses what is not an activity', () => {
    expect(inboundActivity.safeParse({ type: 'message' }).success).toBe(false);
    expect(inboundActivity.safeParse({ ...base, serviceUrl: 'not a url' }).success).toBe(false);
  });
});
