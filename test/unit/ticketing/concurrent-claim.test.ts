import { MesaError } from '../../../bot/core/errors.js';
import { ANA, BRUNO, deskFixture, type DeskFixture } from './helpers/desk-fixture.js';

describe('two analysts claiming the same ticket at the same moment', () => {
  let fixture: DeskFixture;

  beforeEach(() => {
    fixture = deskFixture();
  });

  afterEach(() => fixture.close());

  it('gives it to exactly one; the other is told who has it', async () => {
    for (let round = 0; round < 5; round++) {
      const { ticket } = await fixture.open({ conversationId: `race-${round}` });
      const results = await Promise.allSettled([fixture.desk.claim(ANA, ticket.number), fixture.desk.claim(BRUNO, ticket.number)]);
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const winner = (won[0] as PromiseFulfilledResult<{ assigneeName: string | null }>).value.assigneeName;
      expect(lost[0]!.reason).toBeInstanceOf(MesaError);
      expect(lost[0]!.reason).toMatchObject({ code: 'already_claimed', params: { number: ticket.number, by: winner } });
      // The user hears about one analyst only.
      expect(fixture.gateway.kinds(`race-${round}`)).toEqual(['claimed']);
      const claims = (await fixture.desk.detail(ANA, ticket.number)).timeline.filter((entry) => entry.kind === 'claimed');
      expect(claims).toHaveLength(1);
      // Free the winner again, so capacity never decides a later round.
      const holder = winner === 'Ana Souza' ? ANA : BRUNO;
      await fixture.desk.resolve(holder, ticket.number, 'Done.');
    }
  });

  it('treats the winner claiming again as a no-op', async () => {
    const { ticket } = await fixture.open();
    await fixture.desk.claim(ANA, ticket.number);
    expect((await fixture.desk.claim(ANA, ticket.number)).assigneeId).toBe('ana');
    await expect(fixture.desk.claim(BRUNO, ticket.number)).rejects.toMatchObject({ code: 'already_claimed', params: { by: 'Ana Souza' } });
  });
});
