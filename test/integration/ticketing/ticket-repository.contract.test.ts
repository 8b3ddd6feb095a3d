import { openDatabase, type SqliteDatabase } from '../../../bot/storage/sqlite/open-database.js';
import type { NewTicket, TicketRepository } from '../../../ticketing/tickets/ticket-repository.js';
import { SqliteTicketRepository } from '../../../ticketing/storage/sqlite-ticket-repository.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

interface Engine {
  name: string;
  open(dataDir: string): { repository: TicketRepository; close(): void };
}

/** Every storage engine must pass the same suite; MongoDB joins this list when it lands. */
const engines: Engine[] = [
  {
    name: 'sqlite',
    open(dataDir) {
      const db: SqliteDatabase = openDatabase(dataDir);
      return { repository: new SqliteTicketRepository(db), close: () => db.close() };
    },
  },
];

const at = new Date('2026-03-02T09:00:00Z');
const later = (minutes: number): Date => new Date(at.getTime() + minutes * 60_000);

function newTicket(sourceMessageId: string, overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    numberPrefix: 'SD',
    sourceMessageId,
    type: 'incident',
    category: 'general',
    impact: 'medium',
    urgency: 'medium',
    priority: 3,
    status: 'new',
    handoff: 'queued',
    queueId: 'l1',
    conversationId: `conv-${sourceMessageId}`,
    channel: 'webchat',
    userId: 'u1',
    language: 'pt',
    summary: 'Impressora não imprime',
    context: { reason: 'user_asked', problem: 'Impressora não imprime' },
    createdAt: at,
    timeline: [{ kind: 'created', actor: 'bot' }],
    ...overrides,
  };
}

describe.each(engines)('TicketRepository on $name', (engine) => {
  let dataDir: string;
  let store: { repository: TicketRepository; close(): void };

  beforeEach(() => {
    dataDir = freshDataDir('mesa-tickets-');
    store = engine.open(dataDir);
  });

  afterEach(() => store.close());

  it('numbers tickets in sequence and opens one per source message', async () => {
    const first = await store.repository.create(newTicket('m1'));
    const retried = await store.repository.create(newTicket('m1'));
    const second = await store.repository.create(newTicket('m2'));
    expect(first).toMatchObject({ created: true, ticket: { number: 'SD-000001', language: 'pt', context: { reason: 'user_asked' } } });
    expect(retried).toEqual({ created: false, ticket: first.ticket });
    expect(second.ticket.number).toBe('SD-000002');
  });

  it('applies a change only while the ticket is as expected, with its timeline and notices, or nothing at all', async () => {
    const { ticket } = await store.repository.create(newTicket('m1'));
    const claim = (analystId: string) =>
      store.repository.change({
        number: ticket.number,
        at: later(5),
        expect: { statuses: ['new', 'reopened'], assigneeId: null },
        set: { status: 'assigned', handoff: 'live', assigneeId: analystId, firstResponseAt: later(5) },
        timeline: [{ kind: 'claimed', actor: analystId }],
        notices: [{ kind: 'claimed', number: ticket.number, analystName: analystId }],
        assignment: { analystId },
      });
    const [first, second] = await Promise.all([claim('ana'), claim('bruno')]);
    expect(first?.ticket).toMatchObject({ status: 'assigned', assigneeId: 'ana' });
    expect(second).toBeNull();
    expect((await store.repository.timeline(ticket.id)).map((entry) => entry.kind)).toEqual(['created', 'claimed']);
    expect((await store.repository.pendingNotices()).map((pending) => pending.notice)).toEqual([{ kind: 'claimed', number: ticket.number, analystName: 'ana' }]);
    expect(await store.repository.recentWaits('l1', 20)).toEqual([expect.closeTo(5, 5)]);
    expect(await store.repository.liveLoad(['ana', 'bruno'])).toEqual(new Map([['ana', 1], ['bruno', 0]]));
  });

  it('finds a conversation\'s handoff from the moment its ticket exists until the handoff ends, however often it was asked before', async () => {
    const conversationId = 'conv-m1';
    const handoffOf = async () => (await store.repository.activeHandoff(conversationId))?.handoff ?? 'none';
    expect([await handoffOf(), await handoffOf()]).toEqual(['none', 'none']);

    const { ticket } = await store.repository.create(newTicket('m1', { handoff: 'queued' }));
    expect(await handoffOf()).toBe('queued');
    const to = (handoff: 'live' | 'ended', status: 'assigned' | 'resolved') =>
      store.repository.change({ number: ticket.number, at: later(5), expect: { statuses: ['new', 'assigned'] }, set: { status, handoff }, timeline: [] });
    await to('live', 'assigned');
    expect(await handoffOf()).toBe('live');
    await to('ended', 'resolved');
    expect([await handoffOf(), await handoffOf()]).toEqual(['none', 'none']);

    await store.repository.create(newTicket('m2', { conversationId, handoff: 'queued' }));
    expect(await handoffOf()).toBe('queued');
  });

  it('keeps pending-user pauses, closing them when the ticket moves on', async () => {
    const { ticket } = await store.repository.create(newTicket('m1', { status: 'assigned' as const }));
    const move = (status: 'pending_user' | 'in_progress', minutes: number) =>
      store.repository.change({ number: ticket.number, at: later(minutes), expect: { statuses: ['assigned', 'in_progress', 'pending_user'] }, set: { status }, timeline: [] });
    await move('pending_user', 10);
    await move('pending_user', 12);
    await move('in_progress', 30);
    await move('pending_user', 40);
    expect((await store.repository.pauses([ticket.id])).get(ticket.id)).toEqual([
      { from: later(10), to: later(30) },
      { from: later(40), to: null },
    ]);
  });

  it('records a once-only mark once, and delivers notices only until marked delivered', async () => {
    const { ticket } = await store.repository.create(newTicket('m1'));
    const mark = () => store.repository.markOnce(ticket.id, 'sla_breach:response', later(60), { kind: 'sla_breach', actor: 'system' }, [{ kind: 'queue_open', number: ticket.number }]);
    const notices = await mark();
    expect(await mark()).toBeNull();
    expect((await store.repository.timeline(ticket.id)).filter((entry) => entry.kind === 'sla_breach')).toHaveLength(1);
    await store.repository.markNoticeDelivered(notices![0]!.id, later(61));
    expect(await store.repository.pendingNotices()).toEqual([]);
  });

  it('keeps everything across a reopen of the database (migrations run once)', async () => {
    const { ticket } = await store.repository.create(newTicket('m1'));
    store.close();
    store = engine.open(dataDir);
    expect(await store.repository.byNumber(ticket.number)).toEqual(ticket);
    expect((await store.repository.create(newTicket('m2'))).ticket.number).toBe('SD-000002');
  });
});
