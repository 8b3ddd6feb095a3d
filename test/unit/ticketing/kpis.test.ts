import { initialState } from '../../../bot/core/conversation-state.js';
import { SqliteConversationRepository } from '../../../bot/storage/sqlite/sqlite-conversation-repository.js';
import { SqliteInsightsRepository } from '../../../kb/storage/sqlite-insights-repository.js';
import { SqliteKpiSource } from '../../../ticketing/storage/sqlite-kpi-source.js';
import { ANA, LUCIA, deskFixture, type DeskFixture } from './helpers/desk-fixture.js';

/** KPIs read back what the desk recorded while tickets lived: one ticket per way a contact can go. */
describe('service-desk KPIs from recorded events', () => {
  let fixture: DeskFixture;
  let kpis: SqliteKpiSource;
  let from: Date;
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    fixture = deskFixture();
    const { desk, clock } = fixture;
    from = new Date(clock.now);

    // Fixed at first contact: claimed after 3 minutes, resolved 20 minutes later, confirmed, rated 5.
    numbers.first = (await fixture.open({ userId: 'u1', conversationId: 'c1', language: 'es' })).ticket.number;
    clock.advanceMinutes(3);
    await desk.claim(ANA, numbers.first);
    clock.advanceMinutes(20);
    await desk.resolve(ANA, numbers.first, 'Reset the VPN profile');
    await desk.confirmResolution(numbers.first, 'u1', clock.now);
    await desk.answerSurvey({ number: numbers.first, userId: 'u1', score: 5, at: clock.now });

    // Escalated to L2, resolved there, reopened by the user, then resolved again, confirmed and rated 2.
    numbers.escalated = (await fixture.open({ userId: 'u2', conversationId: 'c2' })).ticket.number;
    clock.advanceMinutes(5);
    await desk.claim(ANA, numbers.escalated);
    await desk.escalate(ANA, numbers.escalated, 'needs network access');
    await desk.claim(LUCIA, numbers.escalated);
    clock.advanceMinutes(30);
    await desk.resolve(LUCIA, numbers.escalated, 'Opened the port');
    await desk.rejectResolution(numbers.escalated, 'u2', 'still failing', clock.now);
    await desk.claim(LUCIA, numbers.escalated);
    await desk.resolve(LUCIA, numbers.escalated, 'Opened the other port');
    await desk.confirmResolution(numbers.escalated, 'u2', clock.now);
    await desk.answerSurvey({ number: numbers.escalated, userId: 'u2', score: 2, at: clock.now });

    // The user left the queue before anyone answered.
    numbers.abandoned = (await fixture.open({ userId: 'u3', conversationId: 'c3' })).ticket.number;
    await desk.leaveQueue(numbers.abandoned, 'u3', clock.now);

    // Nobody answers for two days: the response target is missed and the ticket is in the backlog.
    numbers.waiting = (await fixture.open({ userId: 'u4', conversationId: 'c4', impact: 'high', urgency: 'high' })).ticket.number;
    clock.advanceMinutes(2 * 24 * 60);
    await desk.sweep();

    // The bot fixed a problem with an article, no ticket needed.
    const conversations = new SqliteConversationRepository(fixture.db);
    const user = await conversations.upsertUser('teams', { externalId: 'u5' });
    await conversations.createConversation({ id: 'c5', channel: 'teams', userId: user.id, state: initialState('pt', 'hint'), at: clock.now });
    await new SqliteInsightsRepository(fixture.db).recordEvent('vpn-cannot-connect', 'solved', { conversationId: 'c5', at: clock.now });

    kpis = new SqliteKpiSource(fixture.db);
  });

  afterAll(() => fixture.close());

  const period = (): { from: Date; to: Date } => ({ from, to: new Date(fixture.clock.now.getTime() + 60_000) });

  it('counts contacts, first-contact resolution, escalation, containment and reopening', async () => {
    const totals = await kpis.totals(period());
    expect(totals.ticketsOpened).toBe(4);
    // Three resolutions: the first ticket's, and the escalated ticket's two (the first one reopened).
    expect(totals.ticketsResolved).toBe(3);
    expect(totals.firstContactResolution).toEqual({ count: 1, of: 3, rate: 1 / 3 });
    expect(totals.resolvedWithoutEscalation).toEqual({ count: 1, of: 3, rate: 1 / 3 });
    expect(totals.reopenRate).toEqual({ count: 1, of: 3, rate: 1 / 3 });
    expect(totals.solvedWithArticle).toBe(1);
    expect(totals.selfServiceContainment).toEqual({ count: 1, of: 5, rate: 0.2 });
    expect(totals.abandonment).toEqual({ count: 1, of: 4, rate: 0.25 });
  });

  it('reads satisfaction, complaints, SLA breaches, wait and handle times, and the backlog by age', async () => {
    const totals = await kpis.totals(period());
    expect(totals.csat).toEqual({ average: 3.5, answered: 2, distribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 } });
    expect(totals.complaints).toBe(1);
    expect(totals.responseBreaches).toBe(1);
    expect(totals.responseSla).toEqual({ count: 3, of: 4, rate: 0.75 });
    expect(totals.averageWaitMinutes).toBe(4);
    expect(totals.backlog).toMatchObject({ open: 1, oneToThreeDays: 1 });
  });

  it('breaks figures down by queue and by channel, and a slice keeps only its own', async () => {
    const byQueue = await kpis.breakdown(period(), 'queue');
    expect(Object.fromEntries(byQueue.map((row) => [row.key, row.figures.ticketsOpened]))).toEqual({ l1: 3, l2: 1, null: 0 });
    const byChannel = await kpis.breakdown(period(), 'channel');
    expect(byChannel.find((row) => row.key === 'teams')?.figures.solvedWithArticle).toBe(1);
    expect(byChannel.find((row) => row.key === 'webchat')?.figures.ticketsOpened).toBe(4);
    const spanish = await kpis.totals({ ...period(), language: 'es' });
    expect(spanish.ticketsOpened).toBe(1);
    expect(spanish.solvedWithArticle).toBe(0);
  });

  it('a breakdown\'s rows add up to the totals of the same period', async () => {
    const totals = await kpis.totals(period());
    for (const dimension of ['channel', 'language', 'queue', 'analyst', 'category'] as const) {
      const view = await kpis.view(period(), dimension);
      expect(view.totals).toEqual(totals);
      expect(view.rows.reduce((sum, row) => sum + row.figures.ticketsOpened, 0)).toBe(totals.ticketsOpened);
    }
  });

  it('opens the tickets behind a figure', async () => {
    expect((await kpis.tickets(period(), 'response_breached', 50)).map((ticket) => ticket.number)).toEqual([numbers.waiting]);
    expect((await kpis.tickets(period(), 'first_contact_resolved', 50)).map((ticket) => ticket.number)).toEqual([numbers.first]);
    expect((await kpis.tickets(period(), 'low_csat', 50)).map((ticket) => ticket.number)).toEqual([numbers.escalated]);
    expect((await kpis.tickets(period(), 'abandoned', 50)).map((ticket) => ticket.number)).toEqual([numbers.abandoned]);
    expect(await kpis.tickets({ from: new Date('2020-01-01'), to: new Date('2020-02-01') }, 'opened', 50)).toEqual([]);
  });
});
