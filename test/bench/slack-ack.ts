import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Pool } from 'undici';
import { startCpuMeter, type CpuShare } from './cpu-usage.js';
import { FAKE_BOT_TOKEN, FakeSlackApi } from '../helpers/channels/fake-slack-api.js';
import { messageEvent, TEST_SIGNING_SECRET } from '../helpers/channels/slack-harness.js';
import { slackSignatureHeaders } from '../helpers/channels/slack-signing.js';
import { startMesa } from '../helpers/start-mesa.js';
import { summarize, type LatencySummary } from './percentiles.js';
import { errorsLine, latencyLine, ms } from './report.js';
import { settings } from './settings.js';
import { localeFor, messageBody } from './utterances.js';

export interface SlackAckPhase {
  events: number;
  users: number;
  ratePerSecond: number;
  /** From each event's scheduled send to Mesa's HTTP answer: what Slack's 3-second rule measures. */
  ack: LatencySummary;
  /** Ack p99 per 10-second stretch of the burst: a steady figure means load, a rising one a backlog. */
  windowP99Ms: number[];
  acked: number;
  errors: Record<string, number>;
  repliesPosted: number;
  usersAnswered: number;
  /** How long after the last event the last reply was posted. */
  drainMs: number;
  rateLimited: number;
  /** This process's event-loop delay p99 (ms): a late client inflates the acks it measures. */
  clientLoopDelayP99Ms: number;
  /** CPU during the burst (1 = one core): Mesa, this process (client and fake Web API), everything else. */
  cpu: CpuShare;
}

const SLACK_LOCALES = { en: 'en-US', es: 'es-ES', pt: 'pt-BR', it: 'it-IT' } as const;

/** Signed event bodies, built before the clock starts so the load generator only sends. */
function prepareEvents(count: number, users: number): Array<{ body: string; headers: Record<string, string> }> {
  const timestamp = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, n) => {
    const user = n % users;
    const text = (JSON.parse(messageBody(user, Math.floor(n / users))) as { text: string }).text;
    const body = messageEvent({ eventId: `EvBENCH${n}`, user: `UBENCH${user}`, channel: `DBENCH${user}`, text });
    return { body, headers: { 'content-type': 'application/json', ...slackSignatureHeaders(TEST_SIGNING_SECRET, body, timestamp) } };
  });
}

/** Waits until no reply has been posted for `quietMs`, or `deadlineMs` passed; returns when the last one came. */
async function repliesSettled(api: FakeSlackApi, quietMs: number, deadlineMs: number): Promise<number> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const last = api.posts.at(-1)?.receivedAt ?? 0;
    if (Date.now() - last >= quietMs || Date.now() > deadline) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A burst of signed Slack events (message.im from `users` users, each an IT question in their language) at
 * Mesa with the fake Web API: how fast Mesa acknowledges under load, and whether the replies still get out.
 */
export async function slackAckPhase(options: { rate?: number; durationMs?: number; users?: number } = {}): Promise<SlackAckPhase> {
  const rate = options.rate ?? settings.slackRate;
  const users = options.users ?? settings.slackUsers;
  const count = Math.round((rate * (options.durationMs ?? settings.slackDurationMs)) / 1000);
  const api = new FakeSlackApi();
  const apiUrl = await api.start();
  for (let user = 0; user < users; user++) api.users.set(`UBENCH${user}`, { name: `Bench User ${user}`, email: `bench${user}@example.com`, locale: SLACK_LOCALES[localeFor(user)] });
  const mesa = await startMesa({ env: { LOG_LEVEL: 'warn', SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: apiUrl }, timeoutMs: 60_000 });
  const pool = new Pool(mesa.url, { connections: 128, pipelining: 1, keepAliveTimeout: 30_000 });
  try {
    const events = prepareEvents(count, users);
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const meter = startCpuMeter(mesa.process.pid ?? 0);
    const acks = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
    const errors: Record<string, number> = {};
    let acked = 0;
    const intervalMs = 1000 / rate;
    const t0 = performance.now() + 50;
    const sends: Array<Promise<void>> = [];
    const send = (n: number): Promise<void> => {
      const due = t0 + n * intervalMs;
      const event = events[n]!;
      return pool.request({ method: 'POST', path: '/slack/events', headers: event.headers, body: event.body }).then(
        async ({ statusCode, body }) => {
          await body.dump();
          if (statusCode === 200) {
            acks[n] = performance.now() - due;
            acked++;
          } else errors[`http_${statusCode}`] = (errors[`http_${statusCode}`] ?? 0) + 1;
        },
        (error: unknown) => {
          const code = (error as { code?: string }).code ?? 'unexpected';
          errors[code] = (errors[code] ?? 0) + 1;
        },
      );
    };
    await new Promise<void>((resolveRun) => {
      let next = 0;
      const tick = (): void => {
        while (next < count && t0 + next * intervalMs <= performance.now()) sends.push(send(next++));
        if (next < count) setTimeout(tick, Math.max(0, t0 + next * intervalMs - performance.now()));
        else resolveRun();
      };
      setTimeout(tick, 50);
    });
    await Promise.all(sends);
    const cpu = meter();
    loopDelay.disable();
    const burstEnd = Date.now();
    const lastReply = await repliesSettled(api, 5000, 120_000);
    return {
      events: count, users, ratePerSecond: rate, ack: summarize(acks), acked, errors,
      windowP99Ms: Array.from({ length: Math.ceil(count / (rate * 10)) }, (_, window) => summarize(acks.subarray(window * rate * 10, (window + 1) * rate * 10)).p99),
      repliesPosted: api.posts.length,
      usersAnswered: new Set(api.posts.map((post) => post.channel)).size,
      drainMs: Math.max(0, lastReply - burstEnd),
      rateLimited: api.rateLimitedAt.length,
      // The histogram records whole sampling intervals; subtracting the resolution leaves the delay.
      clientLoopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - 5),
      cpu,
    };
  } finally {
    await pool.close();
    await mesa.stop();
    await api.stop();
  }
}

export function printSlackAck(phase: SlackAckPhase): void {
  console.log(`\n== Slack events: ${phase.ratePerSecond} signed events/s, ${phase.events} events from ${phase.users} users, fake Slack Web API ==`);
  console.log(`  ack             ${latencyLine(phase.ack)}   [scheduled send -> Mesa's HTTP 200]`);
  console.log(`  per 10 s       ack p99 ${phase.windowP99Ms.map((value) => ms(value)).join(', ')} ms`);
  console.log(`  acknowledged    ${phase.acked}/${phase.events}   errors ${errorsLine(phase.errors)}`);
  console.log(`  client health   event-loop delay p99 ${ms(phase.clientLoopDelayP99Ms)} ms (the bench process also runs the fake Web API)`);
  const share = (value: number): string => `${(value * 100).toFixed(0)}%`;
  console.log(`  CPU             Mesa ${share(phase.cpu.server)}   bench + fake Web API ${share(phase.cpu.client)}   other processes ${share(phase.cpu.others)}   stolen by host ${share(phase.cpu.steal)}   (100% = one core)`);
  console.log(`  replies         ${phase.repliesPosted} chat.postMessage calls to ${phase.usersAnswered}/${phase.users} users; last one ${ms(phase.drainMs)} ms after the last event`);
}
