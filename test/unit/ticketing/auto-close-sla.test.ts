import { defaultTicketingConfig } from '../../../ticketing/config/load-ticketing-config.js';
import { ANA, CARLA, deskFixture, type DeskFixture } from './helpers/desk-fixture.js';

describe('auto-close of resolved tickets nobody confirmed', () => {
  let fixture: DeskFixture;

  beforeEach(() => {
    fixture = deskFixture();
  });

  afterEach(() => fixture.close());

  it('closes after 72 hours, tells the user, then asks the survey', async () => {
    const { desk, clock, gateway } = fixture;
    const { ticket } = await fixture.open({ conversationId: 'c1' });
    await desk.claim(ANA, ticket.number);
    await desk.resolve(ANA, ticket.number, 'Password reset done.');
    expect(gateway.notices.at(-1)?.notice).toEqual({ kind: 'resolved', number: ticket.number, resolution: 'Password reset done.', autoCloseHours: 72 });

    clock.advanceMinutes(72 * 60 - 1);
    await desk.sweep();
    expect((await desk.detail(ANA, ticket.number)).ticket.status).toBe('resolved');

    clock.advanceMinutes(1);
    await desk.sweep();
    const { ticket: closed, timeline } = await desk.detail(ANA, ticket.number);
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'auto_closed' });
    expect(timeline.at(-1)).toMatchObject({ kind: 'closed', actor: 'system', data: { reason: 'auto_closed' } });
    expect(gateway.kinds('c1').slice(-2)).toEqual(['closed', 'survey']);
    expect(await desk.pendingSurvey('c1')).toBe(ticket.number);

    await desk.sweep();
    expect(gateway.kinds('c1').filter((kind) => kind === 'closed')).toHaveLength(1);
  });
});

describe('SLA timers', () => {
  let fixture: DeskFixture;

  beforeEach(() => {
    // Priority 2 (high impact, medium urgency): response 30 min, resolution 480 min, round the clock.
    fixture = deskFixture({ config: defaultTicketingConfig() });
  });

  afterEach(() => fixture.close());

  const slaEntries = async (number: string) =>
    (await fixture.desk.detail(CARLA, number)).timeline.filter((entry) => entry.kind === 'sla_warning' || entry.kind === 'sla_breach').map((entry) => `${entry.kind}:${String(entry.data.metric)}`);

  it('records the response warning and breach once each', async () => {
    const { desk, clock } = fixture;
    const { ticket } = await fixture.open({ impact: 'high', urgency: 'medium' });
    clock.advanceMinutes(23);
    await desk.sweep();
    expect(await slaEntries(ticket.number)).toEqual([]);
    clock.advanceMinutes(1);
    await desk.sweep();
    await desk.sweep();
    expect(await slaEntries(ticket.number)).toEqual(['sla_warning:response']);
    const [view] = await desk.list(ANA, { scope: 'queue', queueId: 'l1' });
    expect(view?.sla.response).toMatchObject({ state: 'warning', targetMinutes: 30 });

    clock.advanceMinutes(7);
    await desk.sweep();
    await desk.sweep();
    expect(await slaEntries(ticket.number)).toEqual(['sla_warning:response', 'sla_breach:response']);
    expect((await desk.detail(ANA, ticket.number)).ticket.sla.response.state).toBe('breached');
  });

  it('stops counting while the ticket waits for the user', async () => {
    const { desk, clock } = fixture;
    const { ticket } = await fixture.open({ impact: 'high', urgency: 'medium' });
    await desk.claim(ANA, ticket.number);
    clock.advanceMinutes(60);
    await desk.setPendingUser(ANA, ticket.number);
    clock.advanceMinutes(600);
    await desk.sweep();
    const paused = (await desk.detail(ANA, ticket.number)).ticket.sla;
    expect(paused.response.state).toBe('met');
    expect(paused.resolution).toMatchObject({ state: 'paused', elapsedMinutes: 60, dueAt: null });
    expect(await slaEntries(ticket.number)).toEqual([]);

    await desk.userMessaged(ticket.number, clock.now);
    clock.advanceMinutes(30);
    const running = (await desk.detail(ANA, ticket.number)).ticket.sla.resolution;
    expect(running).toMatchObject({ state: 'running', elapsedMinutes: 90 });
    expect(running.dueAt?.toISOString()).toBe(new Date(clock.now.getTime() + 390 * 60_000).toISOString());
  });
});
