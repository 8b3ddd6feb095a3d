import { SqliteTicketRepository } from '../../../ticketing/storage/sqlite-ticket-repository.js';
import { ANA, CARLA, deskFixture, type DeskFixture } from './helpers/desk-fixture.js';

describe('satisfaction survey and complaints', () => {
  let fixture: DeskFixture;

  beforeEach(() => {
    fixture = deskFixture();
  });

  afterEach(() => fixture.close());

  /** A ticket Ana resolved and the user confirmed: the survey has been asked. */
  async function confirmed(userId = 'u1', conversationId = 'c1'): Promise<string> {
    const { ticket } = await fixture.open({ userId, conversationId });
    await fixture.desk.claim(ANA, ticket.number);
    await fixture.desk.resolve(ANA, ticket.number, 'Fixed the mailbox quota.');
    await fixture.desk.confirmResolution(ticket.number, userId, fixture.clock.now);
    return ticket.number;
  }

  it('asks once on closure and takes one rating, stored against ticket, analyst and queue', async () => {
    const number = await confirmed();
    expect(fixture.gateway.kinds('c1')).toEqual(['claimed', 'resolved', 'survey']);
    expect(await fixture.desk.pendingSurvey('c1')).toBe(number);
    expect(await fixture.desk.answerSurvey({ number, userId: 'u1', score: 4, at: fixture.clock.now })).toEqual({ complaint: false });
    expect(await fixture.desk.pendingSurvey('c1')).toBeNull();
    await expect(fixture.desk.answerSurvey({ number, userId: 'u1', score: 5, at: fixture.clock.now })).rejects.toMatchObject({ code: 'survey_closed', params: { number } });
    const stored = await new SqliteTicketRepository(fixture.db).survey((await fixture.desk.detail(CARLA, number)).ticket.id);
    expect(stored).toMatchObject({ score: 4, analystId: 'ana', queueId: 'l1' });
  });

  it.each([0, 6, 2.5, Number.NaN])('refuses a rating of %p', async (score) => {
    const number = await confirmed();
    await expect(fixture.desk.answerSurvey({ number, userId: 'u1', score, at: fixture.clock.now })).rejects.toMatchObject({ code: 'survey_out_of_range' });
    expect(await fixture.desk.pendingSurvey('c1')).toBe(number);
  });

  it('refuses a rating for a ticket whose survey was never asked, and for someone else’s ticket', async () => {
    const { ticket } = await fixture.open({ userId: 'u1' });
    await expect(fixture.desk.answerSurvey({ number: ticket.number, userId: 'u1', score: 5, at: fixture.clock.now })).rejects.toMatchObject({ code: 'survey_closed' });
    const number = await confirmed('u2', 'c2');
    await expect(fixture.desk.answerSurvey({ number, userId: 'u1', score: 5, at: fixture.clock.now })).rejects.toMatchObject({ code: 'ticket_not_found' });
  });

  it('opens a complaint for the coordinator on a rating of 2, and adds the later comment to it', async () => {
    const number = await confirmed();
    expect(await fixture.desk.answerSurvey({ number, userId: 'u1', score: 2, at: fixture.clock.now })).toEqual({ complaint: true });
    const [complaint] = await fixture.desk.complaints(CARLA);
    expect(complaint).toMatchObject({ ticketNumber: number, queueId: 'l1', analystId: 'ana', score: 2, comment: null, status: 'open' });
    expect(fixture.events).toContainEqual({ type: 'complaint', id: complaint!.id, ticketNumber: number });

    expect(await fixture.desk.commentSurvey({ number, userId: 'u1', comment: 'Took three days.', at: fixture.clock.now })).toEqual({ complaint: true });
    expect(await fixture.desk.complaints(CARLA)).toEqual([expect.objectContaining({ id: complaint!.id, comment: 'Took three days.' })]);
    await expect(fixture.desk.commentSurvey({ number, userId: 'u1', comment: 'And again', at: fixture.clock.now })).rejects.toMatchObject({ code: 'survey_closed' });

    await expect(fixture.desk.complaints(ANA)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await fixture.desk.setComplaintStatus(CARLA, complaint!.id, 'in_review')).toMatchObject({ status: 'in_review' });
    await expect(fixture.desk.setComplaintStatus(CARLA, '999', 'closed')).rejects.toMatchObject({ code: 'not_found' });
  });

  it.each([
    ['en', 'This is unacceptable, I want to file a complaint'],
    ['es', 'Quiero poner una RECLAMACIÓN formal'],
    ['pt', 'Atendimento inaceitável'],
    ['it', 'Vorrei fare una lamentela'],
  ])('opens a complaint for a %s comment that reads as one, even after a good rating', async (_language, comment) => {
    const number = await confirmed();
    await fixture.desk.answerSurvey({ number, userId: 'u1', score: 4, at: fixture.clock.now });
    expect(await fixture.desk.commentSurvey({ number, userId: 'u1', comment, at: fixture.clock.now })).toEqual({ complaint: true });
    expect(await fixture.desk.complaints(CARLA)).toEqual([expect.objectContaining({ ticketNumber: number, score: 4, comment })]);
  });

  it('takes an ordinary comment without raising a complaint', async () => {
    const number = await confirmed();
    await fixture.desk.answerSurvey({ number, userId: 'u1', score: 5, at: fixture.clock.now });
    expect(await fixture.desk.commentSurvey({ number, userId: 'u1', comment: 'Quick and kind, thanks!', at: fixture.clock.now })).toEqual({ complaint: false });
    expect(await fixture.desk.complaints(CARLA)).toEqual([]);
  });

  it('never asks for duplicates, spam, cancelled tickets or users who cannot answer any more', async () => {
    const { desk, gateway, clock } = fixture;
    const duplicate = await fixture.open({ conversationId: 'c-dup' });
    await desk.closeAs(ANA, duplicate.ticket.number, 'duplicate');
    const spam = await fixture.open({ conversationId: 'c-spam' });
    await desk.closeAs(ANA, spam.ticket.number, 'spam');
    const cancelled = await fixture.open({ conversationId: 'c-left', userId: 'u-left' });
    await desk.leaveQueue(cancelled.ticket.number, 'u-left', clock.now);
    gateway.unreachable.add('c-gone');
    await confirmed('u-gone', 'c-gone');

    expect(gateway.kinds('c-dup')).toEqual(['closed']);
    expect(gateway.kinds('c-spam')).toEqual([]);
    expect(gateway.kinds('c-left')).toEqual([]);
    expect(gateway.kinds('c-gone')).not.toContain('survey');
    for (const conversation of ['c-dup', 'c-spam', 'c-left', 'c-gone']) expect(await desk.pendingSurvey(conversation)).toBeNull();
  });
});
