import { ChatSession } from '../../helpers/chat-client.js';
import { ConsoleClient } from '../../helpers/console-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { ADMIN, answerUntilTicket, signedInStaff } from '../../helpers/service-desk-client.js';

describe('two analysts take the same conversation at the same moment', () => {
  let mesa: InProcessMesa;

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password });
  }, 60_000);

  afterAll(async () => {
    await mesa?.stop();
  });

  it('exactly one gets it; the other is told who was faster', async () => {
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    const lucia = await signedInStaff(mesa.url, admin, { email: 'lucia@example.com', name: 'Lucía', roles: ['l1_analyst'] });
    const marco = await signedInStaff(mesa.url, admin, { email: 'marco@example.com', name: 'Marco', roles: ['l1_analyst'] });
    // A few rounds, each on a new conversation, because a race that is lost once may be won by luck.
    for (let round = 0; round < 3; round++) {
      const chat = await ChatSession.create(mesa.url, { locale: 'it' });
      await chat.ask('vorrei parlare con un operatore');
      const number = (await answerUntilTicket(chat, await chat.ask('Outlook non si apre più'))).ticket!.number;
      const [first, second] = await Promise.all([lucia, marco].map((analyst) => analyst.call<{ error?: { code: string; message: string } }>('POST', `/desk/tickets/${number}/claim`)));
      const statuses = [first!.status, second!.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = first!.status === 409 ? first! : second!;
      const winnerName = first!.status === 200 ? 'Lucía' : 'Marco';
      expect(loser.body.error?.code).toBe('already_claimed');
      expect(loser.body.error?.message).toContain(winnerName);
    }
  }, 60_000);
});
