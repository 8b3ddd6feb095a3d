import { expectedTexts } from '../../../helpers/expected-text.js';
import { startInProcess, type InProcessMesa } from '../../../helpers/in-process-mesa.js';
import { slackHarness } from '../../../helpers/channels/slack-harness.js';

/** Slack (a fake Web API: Slack cannot run here) being down when Mesa starts. */
describe('Slack channel when Slack is down at start (fake Slack Web API)', () => {
  const harness = slackHarness();
  let mesa: InProcessMesa;

  beforeAll(async () => {
    const { env } = await harness.setUp();
    harness.api.authTestDown = true;
    mesa = await startInProcess(env);
    await harness.attach(mesa);
  }, 120_000);

  afterAll(async () => {
    await mesa?.stop();
    await harness.tearDown();
  });

  it('serves meanwhile, asks Slack to redeliver (503), and answers once Slack is back', async () => {
    expect((await fetch(`${mesa.url}/healthz`)).status).toBe(200);
    const user = await harness.newUser('early-bird', 'en');
    expect((await user.sayAs('hello', 'EvEARLY1')).status).toBe(503);
    harness.api.authTestDown = false;
    // Slack redelivers an unacknowledged event with the same id; Mesa connects again in the background.
    const deadline = Date.now() + 20_000;
    let status = 503;
    while (status === 503 && Date.now() < deadline) {
      status = (await user.sayAs('hello', 'EvEARLY1', { 'x-slack-retry-num': '1' })).status;
      if (status === 503) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    const texts = await expectedTexts();
    expect((await user.next()).text).toBe(texts('en')('bot:greeting'));
  });
});
