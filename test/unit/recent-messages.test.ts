import type { StoredMessage } from '../../bot/core/messages.js';
import { RecentMessages } from '../../bot/storage/sqlite/recent-messages.js';

const message = (id: number, conversationId = 'c1'): StoredMessage => ({ id: String(id), conversationId, role: 'bot', text: `m${id}`, locale: 'en', createdAt: new Date(0) });
const ids = (messages: StoredMessage[] | undefined) => messages?.map((stored) => Number(stored.id));

describe('RecentMessages (what long-polls are answered from without the database)', () => {
  it('answers a new conversation from memory, and only with what was committed after the cursor', () => {
    const recent = new RecentMessages();
    recent.startEmpty('c1');
    expect(ids(recent.after('c1', 0, 100))).toEqual([]);
    recent.committed('c1', [message(1), message(2)]);
    recent.committed('c1', [message(5)]);
    expect(ids(recent.after('c1', 0, 100))).toEqual([1, 2, 5]);
    expect(ids(recent.after('c1', 2, 100))).toEqual([5]);
    expect(ids(recent.after('c1', 0, 2))).toEqual([1, 2]);
    expect(ids(recent.after('c1', 5, 100))).toEqual([]);
  });

  it('sends a read older than its window to the database instead of answering with a gap', () => {
    const recent = new RecentMessages(10, 3);
    recent.startEmpty('c1');
    recent.committed('c1', [1, 2, 3, 4, 5].map((id) => message(id)));
    expect(ids(recent.after('c1', 2, 100))).toEqual([3, 4, 5]);
    expect(recent.after('c1', 1, 100)).toBeUndefined();
    expect(recent.after('c1', 0, 100)).toBeUndefined();
  });

  it('knows nothing of a conversation it has not seen complete, nor of one it was told to forget', () => {
    const recent = new RecentMessages();
    recent.committed('c1', [message(7)]);
    expect(recent.after('c1', 0, 100)).toBeUndefined();
    recent.read('c1', 7, []);
    recent.committed('c1', [message(9)]);
    expect(ids(recent.after('c1', 7, 100))).toEqual([9]);
    expect(recent.after('c1', 6, 100)).toBeUndefined();
    recent.forget('c1');
    expect(recent.after('c1', 7, 100)).toBeUndefined();
  });

  it('keeps the conversations most recently written to when it is full', () => {
    const recent = new RecentMessages(2, 10);
    recent.startEmpty('a');
    recent.startEmpty('b');
    recent.committed('a', [message(1, 'a')]);
    recent.startEmpty('c');
    expect(ids(recent.after('a', 0, 10))).toEqual([1]);
    expect(recent.after('b', 0, 10)).toBeUndefined();
    expect(ids(recent.after('c', 0, 10))).toEqual([]);
  });
});
