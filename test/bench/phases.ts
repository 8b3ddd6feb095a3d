import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ChatClient, type ChatSession } from './chat-client.js';
import { runClosedLoop, type ClosedLoopResult } from './closed-loop.js';
import { startCpuMeter, type CpuShare } from './cpu-usage.js';
import { runOpenLoop, type OpenLoopResult } from './open-loop.js';
import { summarize, type LatencySummary } from './percentiles.js';
import { errorsLine, latencyLine, ms, percent } from './report.js';
import { settings } from './settings.js';
import { localeFor } from './utterances.js';

/** A server under test, running as its own process. */
export interface Server {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<unknown>;
  /** Size of the server's write-ahead log, for a server that keeps one. */
  walBytes?: () => number;
}

export interface OpenPhase extends OpenLoopResult {
  latency: LatencySummary;
  sendLag: LatencySummary;
  /** This process's event-loop delay p99: a late client would inflate the latencies it reports. */
  clientLoopDelayP99Ms: number;
  cpu: CpuShare;
  pollsPerTurn: number;
}

export interface ClosedPhase extends ClosedLoopResult {
  latency: LatencySummary;
  /** Averaged over the rounds, which have equal lengths. */
  cpu: CpuShare;
  pollsPerTurn: number;
  roundTurnsPerSecond: number[];
  /** Largest WAL file seen at the end of a round: sustained writes must not grow it without bound. */
  walPeakBytes?: number;
}

// The histogram records whole sampling intervals; subtracting the resolution leaves the actual delay.
const LOOP_DELAY_RESOLUTION_MS = 5;

export async function openLoopAgainst(server: Server): Promise<OpenPhase> {
  // Long-polls hold a connection each, so the poll pool may grow to one per conversation.
  const client = new ChatClient({ origin: server.url, commandConnections: 64, pollConnections: settings.conversations });
  try {
    const setupStart = performance.now();
    const sessions = await client.createSessions(settings.conversations, localeFor);
    console.log(`created ${sessions.length} sessions on ${server.name} in ${ms(performance.now() - setupStart)} ms (not timed)`);
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
    loopDelay.enable();
    const meter = startCpuMeter(server.pid);
    const result = await runOpenLoop({
      client, sessions, ratePerSecond: settings.rate, warmupMs: settings.warmupMs, durationMs: settings.durationMs, turnTimeoutMs: settings.turnTimeoutMs,
    });
    const cpu = meter();
    loopDelay.disable();
    return {
      ...result,
      latency: summarize(result.latenciesMs),
      sendLag: summarize(result.sendLagsMs),
      clientLoopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
      cpu,
      pollsPerTurn: client.counts.polls / client.counts.sends,
    };
  } finally {
    await client.close();
  }
}

interface ClosedContestant {
  server: Server;
  client: ChatClient;
  sessions: ChatSession[];
  rounds: ClosedLoopResult[];
  walSizes: number[];
  cpu: CpuShare[];
}

function mergeRounds(contestant: ClosedContestant): ClosedPhase {
  const { rounds, cpu, client } = contestant;
  const turns = rounds.reduce((sum, round) => sum + round.turns, 0);
  const latencies = rounds.flatMap((round) => round.latenciesMs);
  const errors: Record<string, number> = {};
  for (const round of rounds) for (const [code, count] of Object.entries(round.errors)) errors[code] = (errors[code] ?? 0) + count;
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    turns,
    turnsPerSecond: (turns * 1000) / settings.closedDurationMs,
    latenciesMs: latencies,
    errors,
    latency: summarize(latencies),
    cpu: {
      server: mean(cpu.map((share) => share.server)),
      client: mean(cpu.map((share) => share.client)),
      others: mean(cpu.map((share) => share.others)),
      steal: mean(cpu.map((share) => share.steal)),
    },
    pollsPerTurn: client.counts.polls / client.counts.sends,
    roundTurnsPerSecond: rounds.map((round) => round.turnsPerSecond),
    ...(contestant.walSizes.length > 0 ? { walPeakBytes: Math.max(...contestant.walSizes) } : {}),
  };
}

/**
 * Closed loop against the target and the echo baseline in alternating rounds, with one client
 * implementation and the same pool sizes (one connection per conversation for commands and one for
 * polls). Each server gets the warm-up once, then closedDurationMs in total over closedRounds rounds.
 */
export async function closedLoopComparison(target: Server, echo: Server): Promise<{ target: ClosedPhase; echo: ClosedPhase }> {
  const count = settings.closedConversations;
  const contestants: ClosedContestant[] = [];
  try {
    for (const server of [target, echo]) {
      const client = new ChatClient({ origin: server.url, commandConnections: count, pollConnections: count });
      contestants.push({ server, client, sessions: await client.createSessions(count, localeFor), rounds: [], cpu: [], walSizes: [] });
    }
    const roundMs = settings.closedDurationMs / settings.closedRounds;
    for (let round = 0; round < settings.closedRounds; round++) {
      for (const contestant of contestants) {
        const meter = startCpuMeter(contestant.server.pid);
        const warmupMs = round === 0 ? settings.closedWarmupMs : 500;
        const result = await runClosedLoop({ client: contestant.client, sessions: contestant.sessions, warmupMs, durationMs: roundMs, turnTimeoutMs: settings.turnTimeoutMs });
        contestant.cpu.push(meter());
        contestant.rounds.push(result);
        if (contestant.server.walBytes) contestant.walSizes.push(contestant.server.walBytes());
      }
    }
    const [targetPhase, echoPhase] = contestants.map(mergeRounds);
    return { target: targetPhase!, echo: echoPhase! };
  } finally {
    await Promise.all(contestants.map((contestant) => contestant.client.close()));
  }
}

const cpuLine = (cpu: CpuShare): string =>
  `server ${percent(cpu.server)}   bench client ${percent(cpu.client)}   other processes ${percent(cpu.others)}   stolen by host ${percent(cpu.steal)}   (100% = one core, 200% = machine)`;

export function printOpen(server: Server, phase: OpenPhase): void {
  console.log(`\n== Open loop vs ${server.name}: ${settings.rate} turns/s offered over ${settings.conversations} conversations, ${settings.durationMs / 1000} s after ${settings.warmupMs / 1000} s warm-up ==`);
  console.log(`  turns           ${phase.completed} answered of ${phase.scheduled} scheduled (${(phase.completed / (phase.windowMs / 1000)).toFixed(0)} turns/s achieved)`);
  console.log(`  latency         ${latencyLine(phase.latency)}   [scheduled send -> first bot reply readable]`);
  console.log(`  falling behind  ${phase.fellBehind} turns still unanswered when their conversation's next turn was due`);
  console.log(`  errors          ${errorsLine(phase.errors)}   (long-polls per turn: ${phase.pollsPerTurn.toFixed(2)})`);
  console.log(`  client health   send lag p99 ${ms(phase.sendLag.p99)} ms, max ${ms(phase.maxSendLagMs)} ms; client event-loop delay p99 ${ms(phase.clientLoopDelayP99Ms)} ms`);
  console.log(`  CPU             ${cpuLine(phase.cpu)}`);
}

export function printClosed(server: Server, phase: ClosedPhase): void {
  console.log(`\n== Closed loop vs ${server.name}: ${settings.closedConversations} conversations back-to-back, ${settings.closedDurationMs / 1000} s in ${settings.closedRounds} rounds after ${settings.closedWarmupMs / 1000} s warm-up${settings.uniqueTexts ? ', every message unique' : ''} ==`);
  console.log(`  throughput      ${phase.turnsPerSecond.toFixed(0)} turns/s (${phase.turns} turns; per round ${phase.roundTurnsPerSecond.map((rate) => rate.toFixed(0)).join(', ')})`);
  console.log(`  turn latency    ${latencyLine(phase.latency)}`);
  console.log(`  errors          ${errorsLine(phase.errors)}   (long-polls per turn: ${phase.pollsPerTurn.toFixed(2)})`);
  console.log(`  CPU             ${cpuLine(phase.cpu)}`);
  console.log(`  efficiency      ${turnsPerCpuSecond(phase).toFixed(0)} turns per server CPU-second (${ms(1000 / turnsPerCpuSecond(phase))} ms of server CPU per turn)`);
  if (phase.walPeakBytes !== undefined) console.log(`  storage         WAL file at most ${(phase.walPeakBytes / 1e6).toFixed(1)} MB at the end of a round`);
}

/**
 * Throughput per second of server CPU: less sensitive than turns/s to other work stealing the cores,
 * so it is the figure to compare when the machine was busy.
 */
export function turnsPerCpuSecond(phase: ClosedPhase): number {
  return phase.turnsPerSecond / phase.cpu.server;
}
