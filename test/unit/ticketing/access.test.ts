import { ANA, BRUNO, CARLA, deskFixture, KEVIN, LUCIA, type DeskFixture } from './helpers/desk-fixture.js';

describe('who may see and do what', () => {
  let fixture: DeskFixture;

  beforeEach(() => {
    fixture = deskFixture();
  });

  afterEach(() => fixture.close());

  it('shows a user only their own tickets; someone else’s number looks unknown', async () => {
    const { desk } = fixture;
    const mine = await fixture.open({ userId: 'u1' });
    const older = await fixture.open({ userId: 'u1' });
    const theirs = await fixture.open({ userId: 'u2' });
    expect((await desk.ticketsOf('u1', 10)).map((ticket) => ticket.number)).toEqual([older.ticket.number, mine.ticket.number]);
    expect((await desk.ticketOf('u1', mine.ticket.number)).summary).toBe('The VPN does not connect');
    await expect(desk.ticketOf('u1', theirs.ticket.number)).rejects.toMatchObject({ code: 'ticket_not_found', params: { number: theirs.ticket.number } });
    await expect(desk.ticketOf('u1', 'SD-999999')).rejects.toMatchObject({ code: 'ticket_not_found' });
    await expect(desk.leaveQueue(theirs.ticket.number, 'u1', fixture.clock.now)).rejects.toMatchObject({ code: 'ticket_not_found' });
    await expect(desk.confirmResolution(theirs.ticket.number, 'u1', fixture.clock.now)).rejects.toMatchObject({ code: 'ticket_not_found' });
  });

  it('keeps analysts to the queues their roles work; coordinators see everything', async () => {
    const { desk } = fixture;
    const { ticket } = await fixture.open();
    await expect(desk.claim(LUCIA, ticket.number)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(desk.detail(KEVIN, ticket.number)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(desk.list(LUCIA, { scope: 'queue', queueId: 'l1' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await desk.list(LUCIA, { scope: 'all' })).toEqual([]);
    expect((await desk.list(CARLA, { scope: 'all' })).map((view) => view.number)).toEqual([ticket.number]);
    expect((await desk.queues(ANA)).map((queue) => queue.id)).toEqual(['l1']);
    expect((await desk.queues(CARLA)).map((queue) => queue.id)).toEqual(['l1', 'l2']);
    await expect(desk.watch(LUCIA, ticket.number, () => undefined)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(desk.detail(ANA, 'SD-424242')).rejects.toMatchObject({ code: 'ticket_not_found' });
  });

  it('lets only the holder (or a coordinator) talk and decide for a ticket', async () => {
    const { desk } = fixture;
    const { ticket } = await fixture.open();
    await desk.claim(ANA, ticket.number);
    await expect(desk.reply(BRUNO, ticket.number, 'Hello')).rejects.toMatchObject({ code: 'not_assignee', params: { number: ticket.number, by: 'Ana Souza' } });
    await expect(desk.resolve(BRUNO, ticket.number, 'Done')).rejects.toMatchObject({ code: 'not_assignee' });
    await expect(desk.setPendingUser(BRUNO, ticket.number)).rejects.toMatchObject({ code: 'not_assignee' });
    await expect(desk.handBack(BRUNO, ticket.number)).rejects.toMatchObject({ code: 'not_assignee' });
    await expect(desk.transfer(BRUNO, ticket.number, 'l2', 'mine now')).rejects.toMatchObject({ code: 'not_assignee' });
    expect((await desk.reply(CARLA, ticket.number, 'Coordinator here, stepping in.')).role).toBe('agent');
    expect((await desk.resolve(CARLA, ticket.number, 'Closed by coordinator')).status).toBe('resolved');
  });

  it('refuses empty and oversized texts with their length and limit', async () => {
    const { desk } = fixture;
    const { ticket } = await fixture.open();
    await desk.claim(ANA, ticket.number);
    await expect(desk.reply(ANA, ticket.number, '   ')).rejects.toMatchObject({ code: 'empty_text' });
    await expect(desk.reply(ANA, ticket.number, 'x'.repeat(4001))).rejects.toMatchObject({ code: 'text_too_long', params: { length: 4001, max: 4000 } });
    await expect(desk.addNote(ANA, ticket.number, '')).rejects.toMatchObject({ code: 'empty_text' });
    await expect(desk.transfer(ANA, ticket.number, 'l2', '')).rejects.toMatchObject({ code: 'empty_text' });
    await expect(desk.resolve(ANA, ticket.number, '\n')).rejects.toMatchObject({ code: 'empty_text' });
    expect((await desk.reply(ANA, ticket.number, 'x'.repeat(4000))).text).toHaveLength(4000);
  });

  it('relays typing and the live conversation only to analysts who may see the ticket', async () => {
    const { desk, gateway } = fixture;
    const { ticket } = await fixture.open({ conversationId: 'c-watch' });
    const seen: string[] = [];
    const stop = await desk.watch(ANA, ticket.number, (event) => {
      if (event.type === 'messages') seen.push(...event.messages.map((message) => message.text));
    });
    gateway.userSays('c-watch', 'Are you there?');
    await desk.typing(ANA, ticket.number);
    expect(gateway.typingIn).toEqual([]);
    await desk.claim(ANA, ticket.number);
    await desk.typing(ANA, ticket.number);
    expect(gateway.typingIn).toEqual(['c-watch']);
    stop();
    gateway.userSays('c-watch', 'Hello?');
    expect(seen).toEqual(['Are you there?', '[claimed] ' + ticket.number]);
  });
});
