import { findTicketNumber } from '../../../bot/flows/ticket-number.js';
import { defaultTicketingConfig } from '../../../ticketing/config/load-ticketing-config.js';
import { ANA, BRUNO, deskFixture, LUCIA, TestClock, type DeskFixture } from './helpers/desk-fixture.js';

describe('opening a ticket', () => {
  let fixture: DeskFixture;

  afterEach(() => fixture.close());

  it('opens one ticket per source message, so a retried turn gets the same ticket', async () => {
    fixture = deskFixture();
    const first = await fixture.open({ sourceMessageId: 'm-1', conversationId: 'c1', userId: 'u1' });
    const again = await fixture.open({ sourceMessageId: 'm-1', conversationId: 'c1', userId: 'u1' });
    expect(again.ticket.number).toBe(first.ticket.number);
    expect(await fixture.desk.ticketsOf('u1', 10)).toHaveLength(1);
    expect(fixture.events.filter((event) => event.type === 'queue_alert')).toHaveLength(1);
  });

  it('numbers tickets with the configured prefix, and a user who types that number in chat gets their ticket', async () => {
    const config = defaultTicketingConfig();
    config.numberPrefix = 'HD';
    fixture = deskFixture({ config });
    expect((await fixture.open()).ticket.number).toBe('HD-000001');
    const second = await fixture.open({ userId: 'u-hd' });
    expect(second.ticket.number).toBe('HD-000002');
    const typed = findTicketNumber('how is hd 2 going?', fixture.desk.ticketNumberPrefix);
    expect(typed).toBe('HD-000002');
    expect((await fixture.desk.ticketOf('u-hd', typed!)).number).toBe('HD-000002');
  });

  it('gives the place in the queue, most urgent first, then oldest', async () => {
    fixture = deskFixture();
    fixture.desk.connect(ANA);
    expect((await fixture.open({ impact: 'low', urgency: 'low' })).position).toBe(1);
    expect((await fixture.open({ impact: 'low', urgency: 'low' })).position).toBe(2);
    expect((await fixture.open({ impact: 'high', urgency: 'high' })).position).toBe(1);
  });

  it('estimates the wait from the default while there is no history, shared by the analysts on shift', async () => {
    fixture = deskFixture();
    fixture.desk.connect(ANA);
    await fixture.open();
    expect((await fixture.open()).estimatedWaitMinutes).toBe(10);
    fixture.desk.connect(BRUNO);
    expect((await fixture.open()).estimatedWaitMinutes).toBe(8);
  });

  it('estimates from the real recent waits once there are some', async () => {
    fixture = deskFixture();
    fixture.desk.connect(ANA);
    for (const minutes of [4, 8]) {
      const { ticket } = await fixture.open();
      fixture.clock.advanceMinutes(minutes);
      await fixture.desk.claim(ANA, ticket.number);
    }
    // Average real wait 6 minutes × position 2 / one analyst.
    await fixture.open();
    expect((await fixture.open()).estimatedWaitMinutes).toBe(12);
  });

  it('says nothing about the wait when nobody of the queue is on shift', async () => {
    fixture = deskFixture();
    fixture.desk.connect(LUCIA);
    expect(await fixture.open()).toMatchObject({ staffed: true, estimatedWaitMinutes: null });
  });

  it('outside business hours still opens the ticket and says when the queue opens, in its time zone', async () => {
    const config = defaultTicketingConfig();
    config.queues = config.queues.filter((queue) => queue.id === 'l2').map((queue) => ({ ...queue, tier: 1 }));
    // Saturday 12:00 in Madrid: the office calendar opens Monday 08:00 local.
    fixture = deskFixture({ config, clock: new TestClock(new Date('2026-03-07T11:00:00Z')) });
    fixture.desk.connect(LUCIA);
    const opened = await fixture.open();
    expect(opened).toMatchObject({ staffed: false, estimatedWaitMinutes: null, timeZone: 'Europe/Madrid' });
    expect(opened.opensAt?.toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(opened.ticket.status).toBe('new');

    // When the queue opens, the user hears someone will answer now, once.
    fixture.clock.now = new Date('2026-03-09T07:01:00Z');
    await fixture.desk.sweep();
    await fixture.desk.sweep();
    expect(fixture.gateway.notices.map((entry) => entry.notice)).toEqual([{ kind: 'queue_open', number: opened.ticket.number }]);
  });
});
