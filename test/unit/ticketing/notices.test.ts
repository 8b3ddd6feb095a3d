import { ANA, deskFixture, type DeskFixture } from './helpers/desk-fixture.js';

describe('notices to the user are durable', () => {
  let fixture: DeskFixture;

  beforeEach(() => {
    fixture = deskFixture();
  });

  afterEach(() => fixture.close());

  it('keeps a notice the channel could not take and delivers it on the next round, exactly once', async () => {
    const { desk, gateway } = fixture;
    const { ticket } = await fixture.open({ conversationId: 'c1' });
    gateway.failing = true;
    // The analyst's action succeeds even though the user's channel is down.
    expect((await desk.claim(ANA, ticket.number)).status).toBe('assigned');
    await desk.setPendingUser(ANA, ticket.number);
    expect(gateway.kinds('c1')).toEqual([]);

    await desk.deliverPendingNotices();
    expect(gateway.kinds('c1')).toEqual([]);

    gateway.failing = false;
    await desk.sweep();
    expect(gateway.kinds('c1')).toEqual(['claimed', 'pending_user']);
    await desk.deliverPendingNotices();
    expect(gateway.kinds('c1')).toEqual(['claimed', 'pending_user']);
  });

  it('delivers what a crash left in the outbox after a restart', async () => {
    const { gateway } = fixture;
    const { ticket } = await fixture.open({ conversationId: 'c1' });
    gateway.failing = true;
    await fixture.desk.claim(ANA, ticket.number);
    gateway.failing = false;

    const restarted = fixture.restart();
    await restarted.desk.deliverPendingNotices();
    expect(gateway.notices).toEqual([{ conversationId: 'c1', notice: { kind: 'claimed', number: ticket.number, analystName: 'Ana Souza' }, dedupeKey: expect.stringMatching(/^notice:\d+$/) }]);
    fixture = restarted;
  });

  it('never sends an internal note to the user', async () => {
    const { desk, gateway } = fixture;
    const { ticket } = await fixture.open({ conversationId: 'c1' });
    await desk.claim(ANA, ticket.number);
    const note = await desk.addNote(ANA, ticket.number, 'User sounds upset; be gentle');
    expect(note).toMatchObject({ kind: 'note', actor: 'ana', data: { text: 'User sounds upset; be gentle' } });
    expect(gateway.messages.map((message) => message.text).join('\n')).not.toContain('upset');
    expect((await desk.detail(ANA, ticket.number)).timeline.at(-1)?.id).toBe(note.id);
  });
});
