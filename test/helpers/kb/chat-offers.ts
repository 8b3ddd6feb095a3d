import { ChatSession, type ChatMessage } from '../chat-client.js';
import type { Answer, EvalQuery } from './eval-queries.js';

/** Articles the chat offered in its replies to one message, in the order shown. */
export function offeredIn(replies: ChatMessage[]): string[] {
  return replies.flatMap((reply) => (reply.articles ?? []).map((article) => article.id));
}

/**
 * Asks each question through the public web chat API as a new user would: a new session in the question's
 * language, one message, and the bot's replies to it (one turn's replies are committed together, so the
 * first page that has a bot message holds them all). A few sessions run at once.
 */
export async function askThroughChat(baseUrl: string, queries: EvalQuery[], concurrency = 4): Promise<Answer[]> {
  const answers = new Array<Answer>(queries.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queries.length) {
      const index = next++;
      const query = queries[index]!;
      const session = await ChatSession.create(baseUrl, { locale: query.lang });
      session.cursor = await session.say(query.query);
      const replies = await session.botReplies(1, 30_000);
      answers[index] = { query, offered: offeredIn(replies), reply: replies[0]?.text ?? '', actions: replies.flatMap((reply) => (reply.actions ?? []).map((action) => action.id)) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queries.length) }, worker));
  return answers;
}

/** The same questions through GET /api/kb/search (limit 3): what search alone would offer. */
export async function askSearch(baseUrl: string, queries: EvalQuery[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const query of queries) {
    const url = `${baseUrl}/api/kb/search?${new URLSearchParams({ q: query.query, lang: query.lang, limit: '3' })}`;
    const response = await fetch(url);
    if (response.status !== 200) throw new Error(`search failed: ${response.status} ${await response.text()}`);
    const { hits } = (await response.json()) as { hits: Array<{ id: string }> };
    answers.push({ query, offered: hits.map((hit) => hit.id) });
  }
  return answers;
}
