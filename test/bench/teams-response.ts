import { randomUUID } from 'node:crypto';
import { FakeBotConnector } from '../helpers/channels/fake-bot-connector.js';
import { messageActivity, newParty, type TeamsParty } from '../helpers/channels/teams-activities.js';
import { startMesa } from '../helpers/start-mesa.js';
import { summarize, type LatencySummary } from './percentiles.js';
import { latencyLine } from './report.js';
import { localeFor, messageBody } from './utterances.js';

export interface TeamsResponsePhase {
  activities: number;
  users: number;
  ratePerSecond: number;
  /** From each activity's scheduled send to Mesa's HTTP answer: what the Bot Connector waits for. */
  response: LatencySummary;
  answered: number;
  failed: number;
  /** Activities Mesa sent back to the (fake) Bot Connector, and how long after the last inbound the last one came. */
  repliesSent: number;
  drainMs: number;
}

const RATE = Number(process.env.BENCH_TEAMS_RATE) || 50;
const SECONDS = Number(process.env.BENCH_TEAMS_DURATION_S) || 30;
const USERS = 300;

/**
 * Teams through the real CloudAdapter with the Bot Connector, login and OpenID keys FAKED on loopback (the cloud
 * cannot be reached here): a fixed rate of signed message activities, each timed from its scheduled send.
 */
export async function teamsResponsePhase(): Promise<TeamsResponsePhase> {
  const appId = randomUUID();
  const connector = new FakeBotConnector({ appId, password: `secret-${randomUUID()}` });
  await connector.start();
  const mesa = await startMesa({ env: { ...connector.env(), LOG_LEVEL: 'warn', MESA_STARTER_KB: 'on', MESA_CHAT_RATE_LIMIT: '100000' }, timeoutMs: 60_000 }).catch(async () =>
    startMesa({ env: { ...connector.env(), LOG_LEVEL: 'info', MESA_STARTER_KB: 'on' }, timeoutMs: 60_000 }));
  const parties: TeamsParty[] = Array.from({ length: USERS }, (_unused, index) => newParty(connector, `bench${index}`, localeFor(index)));
  const authorization = connector.channelAuthorization();
  const total = RATE * SECONDS;
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const sends: Array<Promise<void>> = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const party = parties[n % USERS]!;
    const activity = messageActivity(connector, party, appId, { id: `bench-${n}`, text: messageBody(n % USERS, Math.floor(n / USERS)) });
    sends.push(
      fetch(`${mesa.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(activity) }).then(
        async (response) => {
          await response.arrayBuffer();
          if (response.status === 200) latencies.push(performance.now() - due);
          else failed += 1;
        },
        () => {
          failed += 1;
        },
      ),
    );
  }
  await Promise.all(sends);
  const lastInbound = performance.now();
  // Every accepted message is answered: wait until as many replies went out as messages came in (or 30 s).
  const deadline = lastInbound + 30_000;
  while (connector.sent.filter((sent) => sent.activity.type === 'message').length < latencies.length && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const repliesSent = connector.sent.filter((sent) => sent.activity.type === 'message').length;
  const drainMs = performance.now() - lastInbound;
  await mesa.stop();
  await connector.stop();
  return { activities: total, users: USERS, ratePerSecond: RATE, response: summarize(latencies), answered: latencies.length, failed, repliesSent, drainMs };
}

export function printTeamsResponse(phase: TeamsResponsePhase): void {
  console.log(`\n== Teams: ${phase.ratePerSecond} signed activities/s for ${phase.activities / phase.ratePerSecond} s from ${phase.users} users, Bot Connector FAKED on loopback ==`);
  console.log(`  response        ${latencyLine(phase.response)}   [scheduled send -> Mesa's HTTP answer to the connector]`);
  console.log(`  answered        ${phase.answered}/${phase.activities} (${phase.failed} failed)`);
  console.log(`  replies sent    ${phase.repliesSent} activities to the connector; the last ${(phase.drainMs / 1000).toFixed(1)} s after the last inbound`);
}
