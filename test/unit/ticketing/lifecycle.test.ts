import { MesaError } from '../../../bot/core/errors.js';
import { canMove } from '../../../ticketing/tickets/lifecycle.js';
import { ANA, BRUNO, CARLA, deskFixture, type DeskFixture } from './helpers/desk-fixture.js';

describe('ticket lifecycle', () => {
  let fixture: DeskFixture;

  beforeEach(() => {
    fixture = deskFixture();
  });

  afterEach(() => fixture.close());

  it('walks new → assigned → in progress → pending user → in progress → resolved → closed, with a timeline of who did what', async () => {
    const { desk, clock } = fixture;
    const opened = await fixture.open({ userId: 'u1', conversationId: 'c1' });
    const number = opened.ticket.number;
    expect(number).toMatch(/^SD-\d{6}$/);
    expect(opened.ticket).toMatchObject({ status: 'new', handoff: 'queued', queueName: 'Service Desk L1' });

    clock.advanceMinutes(3);
    expect(await desk.claim(ANA, number)).toMatchObject({ status: 'assigned', handoff: 'live', assigneeId: 'ana', assigneeName: 'Ana Souza' });
    await desk.reply(ANA, number, 'Hi, I am looking at it.');
    expect((await desk.detail(ANA, number)).ticket.status).toBe('in_progress');
    await desk.setPendingUser(ANA, number);
    expect((await desk.detail(ANA, number)).ticket.status).toBe('pending_user');
    clock.advanceMinutes(10);
    await desk.userMessaged(number, clock.now);
    expect((await desk.detail(ANA, number)).ticket.status).toBe('in_progress');
    await desk.resolve(ANA, number, 'Reinstalled the VPN client.');
    expect(await desk.ticketOf('u1', number)).toMatchObject({ status: 'resolved', handoff: 'ended' });
    expect((await desk.confirmResolution(number, 'u1', clock.now)).status).toBe('closed');

    const { timeline } = await desk.detail(ANA, number);
    expect(timeline.map((entry) => [entry.kind, entry.actor])).toEqual([
      ['created', 'bot'],
      ['claimed', 'ana'],
      ['agent_replied', 'ana'],
      ['status_changed', 'ana'],
      ['status_changed', 'user'],
      ['resolved', 'ana'],
      ['closed', 'user'],
    ]);
    expect(timeline.find((entry) => entry.kind === 'resolved')?.data).toMatchObject({ resolution: 'Reinstalled the VPN client.' });
    // The analyst's words are in the transcript, never copied into the timeline.
    expect(JSON.stringify(timeline)).not.toContain('looking at it');
  });

  it('reopens a "not fixed" ticket to the same queue, unassigned, with the user’s comment for whoever claims it', async () => {
    const { desk, clock } = fixture;
    const { ticket } = await fixture.open({ userId: 'u1' });
    await desk.claim(ANA, ticket.number);
    await desk.resolve(ANA, ticket.number, 'Cleared the cache.');
    const reopened = await desk.rejectResolution(ticket.number, 'u1', 'Still failing after restart', clock.now);
    expect(reopened).toMatchObject({ status: 'reopened', handoff: 'queued', queueName: 'Service Desk L1' });
    expect(reopened.assigneeName).toBeUndefined();
    const { timeline } = await desk.detail(BRUNO, ticket.number);
    expect(timeline.at(-1)).toMatchObject({ kind: 'reopened', actor: 'user', data: { comment: 'Still failing after restart' } });
    expect(fixture.events).toContainEqual({ type: 'queue_alert', number: ticket.number, queueId: 'l1', analystIds: [] });
    expect((await desk.claim(BRUNO, ticket.number)).assigneeId).toBe('bruno');
  });

  it('transfers with a reason: the ticket waits unassigned in the new queue and the user is told where', async () => {
    const { desk, gateway } = fixture;
    const { ticket } = await fixture.open({ conversationId: 'c-transfer' });
    await desk.claim(ANA, ticket.number);
    const moved = await desk.transfer(ANA, ticket.number, 'l2', 'Needs a server-side change');
    expect(moved).toMatchObject({ status: 'new', handoff: 'queued', queueId: 'l2', assigneeId: null });
    expect(gateway.notices.at(-1)?.notice).toEqual({ kind: 'transferred', number: ticket.number, queueName: 'Service Desk L2' });
    const { timeline } = await desk.detail(CARLA, ticket.number);
    expect(timeline.at(-1)).toMatchObject({ kind: 'transferred', actor: 'ana', data: { from: 'l1', to: 'l2', reason: 'Needs a server-side change' } });
  });

  it('refuses moves the lifecycle does not allow, naming where the ticket is', async () => {
    const { desk, clock } = fixture;
    const { ticket } = await fixture.open({ userId: 'u1' });
    await expect(desk.resolve(ANA, ticket.number, 'done')).rejects.toMatchObject({ code: 'illegal_ticket_transition', params: { from: 'new', to: 'resolved' } });
    await expect(desk.setPendingUser(ANA, ticket.number)).rejects.toMatchObject({ code: 'illegal_ticket_transition' });
    await expect(desk.confirmResolution(ticket.number, 'u1', clock.now)).rejects.toMatchObject({ code: 'illegal_ticket_transition', params: { from: 'new' } });
    await desk.claim(ANA, ticket.number);
    await expect(desk.leaveQueue(ticket.number, 'u1', clock.now)).rejects.toMatchObject({ code: 'illegal_ticket_transition' });
    await desk.resolve(ANA, ticket.number, 'done');
    await expect(desk.reply(ANA, ticket.number, 'one more thing')).rejects.toMatchObject({ code: 'illegal_ticket_transition', params: { from: 'resolved' } });
    await desk.confirmResolution(ticket.number, 'u1', clock.now);
    await expect(desk.rejectResolution(ticket.number, 'u1', null, clock.now)).rejects.toBeInstanceOf(MesaError);
    await expect(desk.claim(BRUNO, ticket.number)).rejects.toMatchObject({ code: 'illegal_ticket_transition', params: { from: 'closed' } });
    expect(canMove('closed', 'reopened')).toBe(false);
  });

  it('counts a user leaving the queue before anyone answered as abandoned', async () => {
    const { desk, clock } = fixture;
    const { ticket } = await fixture.open({ userId: 'u1' });
    clock.advanceMinutes(7);
    const left = await desk.leaveQueue(ticket.number, 'u1', clock.now);
    expect(left).toMatchObject({ status: 'closed', handoff: 'ended' });
    const { timeline, ticket: view } = await desk.detail(CARLA, ticket.number);
    expect(view.closeReason).toBe('cancelled');
    expect(timeline.at(-1)).toMatchObject({ kind: 'abandoned', actor: 'user', data: { waitedMinutes: 7, queueId: 'l1' } });
    expect(await desk.activeHandoff(view.conversationId)).toBeNull();
  });

  it('keeps the handoff state the bot relies on: queued, live, handed back, live again when the analyst writes', async () => {
    const { desk, gateway } = fixture;
    const { ticket } = await fixture.open({ conversationId: 'c-live' });
    expect((await desk.activeHandoff('c-live'))?.handoff).toBe('queued');
    await desk.claim(ANA, ticket.number);
    expect(await desk.activeHandoff('c-live')).toMatchObject({ handoff: 'live', assigneeName: 'Ana Souza' });
    await desk.handBack(ANA, ticket.number);
    expect(await desk.activeHandoff('c-live')).toBeNull();
    expect(gateway.kinds('c-live')).toEqual(['claimed', 'handed_back']);
    await expect(desk.handBack(ANA, ticket.number)).rejects.toMatchObject({ code: 'illegal_ticket_transition' });
    const message = await desk.reply(ANA, ticket.number, 'One more question before you go');
    expect(message).toMatchObject({ role: 'agent', conversationId: 'c-live' });
    expect((await desk.activeHandoff('c-live'))?.handoff).toBe('live');
  });
});
