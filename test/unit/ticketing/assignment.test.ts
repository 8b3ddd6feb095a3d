import { defaultTicketingConfig } from '../../../ticketing/config/load-ticketing-config.js';
import type { Analyst } from '../../../ticketing/desk/analyst-desk.js';
import { ANA, BRUNO, CARLA, deskFixture, LUCIA, type DeskFixture } from './helpers/desk-fixture.js';

const DORA: Analyst = { id: 'dora', name: 'Dora', roles: ['l1_analyst'] };

function pushConfig() {
  const config = defaultTicketingConfig();
  config.queues[0]!.assignment = 'push';
  return config;
}

describe('push assignment', () => {
  let fixture: DeskFixture;

  beforeEach(() => {
    fixture = deskFixture({ config: pushConfig() });
  });

  afterEach(() => fixture.close());

  async function assigneeOf(number: string): Promise<string | null> {
    return (await fixture.desk.detail(CARLA, number)).ticket.assigneeId;
  }

  it('gives each new ticket to the connected analyst with the fewest live conversations, then to who waited longest', async () => {
    const { desk, clock } = fixture;
    desk.connect(ANA);
    desk.connect(BRUNO);
    await desk.idle();
    const first = await fixture.open();
    clock.advanceMinutes(1);
    const second = await fixture.open();
    const firstAssignee = await assigneeOf(first.ticket.number);
    const secondAssignee = await assigneeOf(second.ticket.number);
    // Alphabetical tie-break on the very first ticket (nobody had one), then the other one.
    expect([firstAssignee, secondAssignee]).toEqual(['ana', 'bruno']);

    // Both hold one; Ana was assigned longest ago, so she gets the next.
    clock.advanceMinutes(1);
    expect(await assigneeOf((await fixture.open()).ticket.number)).toBe('ana');
    // Ana now holds two, Bruno one: fewest conversations wins over waiting time.
    clock.advanceMinutes(1);
    expect(await assigneeOf((await fixture.open()).ticket.number)).toBe('bruno');
  });

  it('tells the user who took it and alerts only the chosen analyst', async () => {
    const { desk, gateway, events } = fixture;
    desk.connect(ANA);
    await desk.idle();
    const { ticket } = await fixture.open({ conversationId: 'c-push' });
    expect(gateway.notices.find((entry) => entry.conversationId === 'c-push')?.notice).toEqual({ kind: 'claimed', number: ticket.number, analystName: 'Ana Souza' });
    expect(events).toContainEqual({ type: 'queue_alert', number: ticket.number, queueId: 'l1', analystIds: ['ana'] });
    expect(await desk.activeHandoff('c-push')).toMatchObject({ handoff: 'live', status: 'assigned' });
  });

  it('respects capacity and language: a ticket nobody can take waits, and goes out when someone has room', async () => {
    const { desk } = fixture;
    await desk.setProfile(CARLA, { analystId: 'ana', languages: ['en', 'es'], categories: ['*'], capacity: 1 });
    await desk.setProfile(CARLA, { analystId: 'dora', languages: ['it'], categories: ['*'], capacity: 2 });
    desk.connect(ANA);
    desk.connect(DORA);
    await desk.idle();
    const spanish = await fixture.open({ language: 'es' });
    expect(await assigneeOf(spanish.ticket.number)).toBe('ana');
    const english = await fixture.open({ language: 'en' });
    expect(await assigneeOf(english.ticket.number)).toBeNull();
    expect(fixture.events).toContainEqual({ type: 'queue_alert', number: english.ticket.number, queueId: 'l1', analystIds: ['ana', 'dora'] });
    const italian = await fixture.open({ language: 'it' });
    expect(await assigneeOf(italian.ticket.number)).toBe('dora');

    await desk.resolve(ANA, spanish.ticket.number, 'Fixed.');
    expect(await assigneeOf(english.ticket.number)).toBe('ana');
  });

  it('pushes what waited to an analyst who comes online', async () => {
    const { desk } = fixture;
    const { ticket } = await fixture.open();
    expect(await assigneeOf(ticket.number)).toBeNull();
    const disconnect = desk.connect(BRUNO);
    await desk.idle();
    expect(await assigneeOf(ticket.number)).toBe('bruno');
    disconnect();
    expect((await desk.queues(BRUNO))[0]?.analystsOnline).toBe(0);
  });

  it('never pushes to staff who do not work the queue (an L2 analyst, a coordinator)', async () => {
    const { desk } = fixture;
    desk.connect(LUCIA);
    desk.connect(CARLA);
    await desk.idle();
    expect(await assigneeOf((await fixture.open()).ticket.number)).toBeNull();
  });
});

describe('claiming (pull)', () => {
  let fixture: DeskFixture;

  beforeEach(() => {
    fixture = deskFixture();
  });

  afterEach(() => fixture.close());

  it('alerts the connected analysts of the queue the moment a ticket lands', async () => {
    fixture.desk.connect(ANA);
    fixture.desk.connect(BRUNO);
    fixture.desk.connect(LUCIA);
    const { ticket } = await fixture.open();
    expect(fixture.events).toContainEqual({ type: 'queue_alert', number: ticket.number, queueId: 'l1', analystIds: ['ana', 'bruno'] });
  });

  it('refuses a claim beyond the analyst’s capacity', async () => {
    const { desk } = fixture;
    await desk.setProfile(CARLA, { analystId: 'ana', languages: ['en'], categories: ['*'], capacity: 2 });
    for (let index = 0; index < 2; index++) await desk.claim(ANA, (await fixture.open()).ticket.number);
    const third = await fixture.open();
    await expect(desk.claim(ANA, third.ticket.number)).rejects.toMatchObject({ code: 'over_capacity', params: { count: 2 } });
    expect((await desk.detail(ANA, third.ticket.number)).ticket.status).toBe('new');
  });

  it('lets only admins and coordinators change profiles, and checks what they set', async () => {
    const { desk } = fixture;
    await expect(desk.setProfile(ANA, { analystId: 'ana', languages: ['en'], categories: ['*'], capacity: 9 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(desk.setProfile(CARLA, { analystId: 'ana', languages: [], categories: ['*'], capacity: 2 })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(desk.setProfile(CARLA, { analystId: 'ana', languages: ['en'], categories: ['*'], capacity: 0 })).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await desk.profile('ana')).toEqual({ analystId: 'ana', languages: ['en', 'es', 'pt', 'it'], categories: ['*'], capacity: 3 });
  });
});
