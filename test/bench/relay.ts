import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatSession } from '../helpers/chat-client.js';
import { ConsoleClient } from '../helpers/console-client.js';
import { ADMIN, answerUntilTicket, signedInStaff } from '../helpers/service-desk-client.js';
import { freshDataDir, startMesa } from '../helpers/start-mesa.js';
import { summarize, type LatencySummary } from './percentiles.js';
import { latencyLine } from './report.js';

export interface RelayPhase {
  handoffs: number;
  analysts: number;
  messages: number;
  delivered: number;
  latency: LatencySummary;
  /** How long the analyst's POST itself took (stored durably, then answered). */
  postLatency: LatencySummary;
}

export interface RelaySettings {
  handoffs: number;
  analysts: number;
  messagesPerHandoff: number;
  /** Each analyst writes to each of their users this often. */
  intervalMs: number;
}

const DEFAULTS: RelaySettings = { handoffs: 50, analysts: 5, messagesPerHandoff: 20, intervalMs: 1000 };

/** Opens a handoff the way a user does: asks for a person, says what is wrong, answers the bot's questions. */
async function openHandoff(url: string, index: number): Promise<{ chat: ChatSession; number: string }> {
  const chat = await ChatSession.create(url, { locale: 'en', user: { id: `bench-user-${index}` } });
  await chat.ask('I want to talk to a person');
  const ticket = await answerUntilTicket(chat, await chat.ask(`My laptop number ${index} does not start`));
  return { chat, number: ticket.ticket!.number };
}

/**
 * Analyst-to-user relay latency with `handoffs` live chats at once: from the moment the analyst's console
 * sends a reply to the moment the user's long-poll returns it.
 */
export async function relayPhase(overrides: Partial<RelaySettings> = {}): Promise<RelayPhase> {
  const settings = { ...DEFAULTS, ...overrides };
  const dataDir = freshDataDir('mesa-bench-relay-');
  const configFile = join(dataDir, 'ticketing.json');
  writeFileSync(configFile, JSON.stringify({ defaultCapacity: Math.ceil(settings.handoffs / settings.analysts) }));
  const mesa = await startMesa({
    dataDir,
    env: { LOG_LEVEL: 'warn', MESA_CHAT_RATE_LIMIT: '100000', MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password, MESA_TICKETING_CONFIG: configFile },
    timeoutMs: 60_000,
  });
  try {
    const admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    const analysts: ConsoleClient[] = [];
    for (let i = 0; i < settings.analysts; i++) {
      analysts.push(await signedInStaff(mesa.url, admin, { email: `analyst${i}@example.com`, name: `Analyst ${i}`, roles: ['l1_analyst'] }));
    }
    const handoffs: Array<{ chat: ChatSession; number: string; analyst: ConsoleClient }> = [];
    for (let i = 0; i < settings.handoffs; i += 10) {
      const batch = await Promise.all(Array.from({ length: Math.min(10, settings.handoffs - i) }, (_, j) => openHandoff(mesa.url, i + j)));
      for (const [j, opened] of batch.entries()) handoffs.push({ ...opened, analyst: analysts[(i + j) % analysts.length]! });
    }
    for (const handoff of handoffs) {
      const claimed = await handoff.analyst.call('POST', `/desk/tickets/${handoff.number}/claim`);
      if (claimed.status !== 200) throw new Error(`claim failed: ${claimed.status} ${JSON.stringify(claimed.body)}`);
      handoff.chat.cursor = (await handoff.chat.history()).at(-1)!.id;
    }

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const posts: number[] = [];
    let sending = true;
    const receivers = handoffs.map(async ({ chat }) => {
      while (sending || latencies.length < sentAt.size) {
        const page = await chat.poll(chat.cursor, 2000);
        const now = performance.now();
        chat.cursor = page.cursor;
        for (const message of page.messages) {
          const start = message.role === 'agent' ? sentAt.get(message.text) : undefined;
          if (start !== undefined) latencies.push(now - start);
        }
        if (!sending && page.messages.length === 0) break;
      }
    });
    const senders = handoffs.map(async ({ analyst, number }, index) => {
      // Spread the analysts' writing over the interval instead of all at the same instant.
      let next = performance.now() + (index * settings.intervalMs) / handoffs.length;
      for (let k = 0; k < settings.messagesPerHandoff; k++) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait)); // pacing the offered load, not synchronisation
        next += settings.intervalMs;
        const text = `Reply ${k} on ${number}`;
        sentAt.set(text, performance.now());
        const response = await analyst.call('POST', `/desk/tickets/${number}/replies`, { text });
        posts.push(performance.now() - sentAt.get(text)!);
        if (response.status !== 201) throw new Error(`reply failed: ${response.status} ${JSON.stringify(response.body)}`);
      }
    });
    await Promise.all(senders);
    sending = false;
    await Promise.all(receivers);
    return { handoffs: handoffs.length, analysts: analysts.length, messages: sentAt.size, delivered: latencies.length, latency: summarize(latencies), postLatency: summarize(posts) };
  } finally {
    await mesa.stop();
  }
}

export function printRelay(phase: RelayPhase): void {
  console.log(`\n== Analyst-to-user relay, ${phase.handoffs} live handoffs at once (${phase.analysts} analysts) ==`);
  console.log(`  latency         ${latencyLine(phase.latency)}   [console POST reply → user's long-poll returns it]`);
  console.log(`  POST reply      ${latencyLine(phase.postLatency)}`);
  console.log(`  delivered       ${phase.delivered}/${phase.messages}`);
}
