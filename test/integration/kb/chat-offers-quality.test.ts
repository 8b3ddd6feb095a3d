import { projectRoot } from '../../../bot/paths.js';
import { askThroughChat } from '../../helpers/kb/chat-offers.js';
import { loadEvalQueries, tallyAnswers, tallyLines, type OfferTally } from '../../helpers/kb/eval-queries.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';

// The floors this suite guards, a little below what was measured (issue 13), so a routing regression fails and noise does not.
const FLOORS = { offered: 0.95, offeredPerLanguage: 0.94, falseOffers: 0.05 };

const share = (tally: OfferTally | undefined) => (tally && tally.answerable > 0 ? tally.top3 / tally.answerable : 0);

describe('end to end through the web chat API: the right article is offered to a new conversation\'s first message', () => {
  const queries = loadEvalQueries(projectRoot());
  let mesa: InProcessMesa;
  let tallies: Map<string, OfferTally>;

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_STARTER_KB: 'on', MESA_CHAT_RATE_LIMIT: '100000' });
    tallies = tallyAnswers(await askThroughChat(mesa.url, queries));
    // The figures are the point of this suite: print them for the README and the review.
    console.log(`End to end over ${queries.length} questions\n${tallyLines(tallies, 'chat').join('\n')}`);
  }, 600_000);

  afterAll(async () => {
    await mesa?.stop();
  });

  it('offers the right article for almost every question the knowledge base answers', () => {
    expect(share(tallies.get('all'))).toBeGreaterThanOrEqual(FLOORS.offered);
  });

  it.each(['en', 'es', 'pt', 'it'])('does so in %s too', (language) => {
    expect(share(tallies.get(`lang ${language}`))).toBeGreaterThanOrEqual(FLOORS.offeredPerLanguage);
  });

  it('offers no article for most requests the knowledge base does not cover', () => {
    const all = tallies.get('all')!;
    expect(all.falseOffers / all.offTopic).toBeLessThanOrEqual(FLOORS.falseOffers);
  });
});
