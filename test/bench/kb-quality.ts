import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../../bot/core/language.js';
import type { IntentName } from '../../bot/nlu/nlu.js';
import { projectRoot } from '../../bot/paths.js';
import { COMMAND_INTENTS } from './nlu-quality.js';
import { askSearch, askThroughChat } from '../helpers/kb/chat-offers.js';
import { loadEvalQueries, tallyAnswers, tallyLines, type Answer, type EvalQuery, type OfferTally } from '../helpers/kb/eval-queries.js';
import { startMesa } from '../helpers/start-mesa.js';

export interface KbQualityPhase {
  questions: number;
  search: Record<string, OfferTally>;
  chat: Record<string, OfferTally>;
  /** Questions the chat did not answer right: what it said instead. */
  /** Held-out command messages (test/fixtures/nlu) sent through the chat, and how many got articles without their command. */
  commands: { sent: number; divertedToArticles: number; examples: string[] };
  chatMisses: Array<{ query: string; lang: string; expected: string | null; offered: string[]; reply: string }>;
}

/**
 * Answer quality on test/fixtures/kb/eval-queries.json against the starter KB: search alone (top-1/top-3 of
 * GET /api/kb/search) and end to end (a new web chat conversation, one message: is the right article offered?).
 */
/** The command intents' held-out messages, as questions that should get their command, not articles. */
function heldOutCommands(): EvalQuery[] {
  const root = projectRoot();
  const mine = JSON.parse(readFileSync(join(root, 'test/fixtures/nlu/held-out.json'), 'utf8')) as Record<Language, Record<string, string[]>>;
  return LANGUAGES.flatMap((lang) => {
    const sets = [JSON.parse(readFileSync(join(root, `test/fixtures/nlu/eval-${lang}.json`), 'utf8')) as Record<string, string[]>, mine[lang] ?? {}];
    return sets.flatMap((set) => Object.entries(set).filter(([label]) => COMMAND_INTENTS.includes(label as IntentName)).flatMap(([label, texts]) => texts.map((query) => ({ query, lang, expected: null, kind: label }))));
  });
}

export async function kbQualityPhase(): Promise<KbQualityPhase> {
  const queries = loadEvalQueries(projectRoot());
  const mesa = await startMesa({ env: { LOG_LEVEL: 'warn', MESA_STARTER_KB: 'on', MESA_CHAT_RATE_LIMIT: '100000' }, timeoutMs: 120_000 });
  try {
    const search = await askSearch(mesa.url, queries);
    const chat = await askThroughChat(mesa.url, queries);
    const commandAnswers = await askThroughChat(mesa.url, heldOutCommands());
    // Articles offered with the command as one of the choices leave the command one press away.
    const diverted = commandAnswers.filter((answer) => answer.offered.length > 0 && !answer.actions?.includes(`intent.${answer.query.kind}`));
    const missed = (answer: Answer) => (answer.query.expected === null ? answer.offered.length > 0 : !answer.offered.includes(answer.query.expected));
    return {
      questions: queries.length,
      search: Object.fromEntries(tallyAnswers(search)),
      chat: Object.fromEntries(tallyAnswers(chat)),
      commands: { sent: commandAnswers.length, divertedToArticles: diverted.length, examples: diverted.slice(0, 15).map((answer) => `[${answer.query.lang}] ${answer.query.query}`) },
      chatMisses: chat.filter(missed).map(({ query, offered, reply }) => ({ query: query.query, lang: query.lang, expected: query.expected, offered, reply: reply ?? '' })),
    };
  } finally {
    await mesa.stop();
  }
}

export function printKbQuality(phase: KbQualityPhase, misses = 40): void {
  console.log(`\n== KB answer quality, ${phase.questions} questions of test/fixtures/kb/eval-queries.json, starter KB ==`);
  console.log('search alone (GET /api/kb/search, limit 3):');
  for (const line of tallyLines(new Map(Object.entries(phase.search)), 'search')) console.log(`  ${line}`);
  console.log('end to end (new chat, one message: right article offered in the first replies):');
  for (const line of tallyLines(new Map(Object.entries(phase.chat)), 'chat')) console.log(`  ${line}`);
  console.log(`held-out command messages (test/fixtures/nlu) offered articles without their command as a choice: ${phase.commands.divertedToArticles} of ${phase.commands.sent}`);
  for (const example of phase.commands.examples) console.log(`  ${example}`);
  if (phase.chatMisses.length > 0) console.log(`first ${Math.min(misses, phase.chatMisses.length)} of ${phase.chatMisses.length} end-to-end misses:`);
  for (const miss of phase.chatMisses.slice(0, misses)) {
    console.log(`  [${miss.lang}] ${miss.query}\n      expected ${String(miss.expected)}, offered [${miss.offered.join(', ')}]: ${miss.reply.slice(0, 90).replace(/\n/g, ' ')}`);
  }
}
