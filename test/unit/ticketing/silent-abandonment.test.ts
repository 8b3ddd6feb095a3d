import { ANA, CARLA, deskFixture, TestClock, type DeskFixture } from './helpers/desk-fixture.js';

describe('users who leave the chat while their ticket waits for an analyst', () => {
  let fixture: DeskFixture;

  afterEach(() => fixture.close());

  const abandonments = async (number: string) => (await fixture.desk.detail(CARLA, number)).timeline.filter((entry) => entry.kind === 'abandoned');

  it('are counted as abandoned once, 15 minutes after they were last connected, and their ticket stays open for an analyst', async () => {
    fixture = deskFixture();
    const { desk, clock, gateway } = fixture;
    const { ticket } = await fixture.open({ conversationId: 'c1' });
    clock.advanceMinutes(3);
    gateway.lastSeenAt.set('c1', clock.now);

    clock.advanceMinutes(14);
    await desk.sweep();
    expect(await abandonments(ticket.number)).toEqual([]);

    clock.advanceMinutes(1);
    await desk.sweep();
    await desk.sweep();
    const recorded = await abandonments(ticket.number);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ actor: 'system', data: { waitedMinutes: 3, queueId: 'l1', silent: true } });
    expect((await desk.detail(ANA, ticket.number)).ticket.status).toBe('new');
    await desk.claim(ANA, ticket.number);
    expect((await desk.detail(ANA, ticket.number)).ticket.status).toBe('assigned');
  });

  it('are not counted while still connected, however long the wait', async () => {
    fixture = deskFixture();
    const { ticket } = await fixture.open({ conversationId: 'c2' });
    fixture.clock.advanceMinutes(90);
    await fixture.desk.sweep();
    expect(await abandonments(ticket.number)).toEqual([]);
  });

  it('are not counted once an analyst has the conversation', async () => {
    fixture = deskFixture();
    const { ticket } = await fixture.open({ conversationId: 'c3' });
    await fixture.desk.claim(ANA, ticket.number);
    fixture.gateway.lastSeenAt.set('c3', fixture.clock.now);
    fixture.clock.advanceMinutes(60);
    await fixture.desk.sweep();
    expect(await abandonments(ticket.number)).toEqual([]);
  });

  it('are not counted when the queue closed meanwhile: they were told when the team opens', async () => {
    // Monday 19:50 in Madrid; L2 works until 20:00.
    fixture = deskFixture({ clock: new TestClock(new Date('2026-03-02T18:50:00Z')) });
    const { desk, clock, gateway } = fixture;
    const { ticket } = await fixture.open({ conversationId: 'c4' });
    await desk.claim(ANA, ticket.number);
    await desk.escalate(ANA, ticket.number, 'needs_permissions');
    expect((await desk.detail(CARLA, ticket.number)).ticket).toMatchObject({ queueId: 'l2', assigneeId: null });
    gateway.lastSeenAt.set('c4', clock.now);
    clock.advanceMinutes(30);
    await desk.sweep();
    expect(await abandonments(ticket.number)).toEqual([]);
  });
});
