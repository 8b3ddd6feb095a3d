import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '../../bot/storage/sqlite/open-database.js';
import { SqliteConversationRepository } from '../../bot/storage/sqlite/sqlite-conversation-repository.js';
import { ChatSession } from '../helpers/chat-client.js';
import { freshDataDir, startMesa } from '../helpers/start-mesa.js';

function pendingTurns(dataDir: string): number {
  const db = new Database(join(dataDir, 'mesa.db'), { readonly: true });
  try {
    return db.prepare("SELECT COUNT(*) FROM messages WHERE turn_status = 'pending'").pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('a crash (kill -9) loses nothing', () => {
  it('every message answered 202 before the crash is answered after the restart, in order', async () => {
    const dataDir = freshDataDir();
    const first = await startMesa({ dataDir, env: { MESA_CHAT_RATE_LIMIT: '1000' } });
    const chat = await ChatSession.create(first.url, { locale: 'en' });
    await chat.ask('hello');
    const sent: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const text = i % 2 === 0 ? 'I forgot my password' : 'thanks';
      await chat.say(text);
      sent.push(text);
    }
    await first.kill();

    const second = await startMesa({ dataDir });
    const resumed = new ChatSession(second.url, chat.sessionId, chat.token);
    const history = await resumed.history();
    expect(history.filter((message) => message.role === 'user').map((message) => message.text)).toEqual(['hello', ...sent]);
    resumed.cursor = chat.cursor;
    const replies = await resumed.botReplies(30);
    expect(replies).toHaveLength(30);
    expect(pendingTurns(dataDir)).toBe(0);
    // The conversation goes on where it was.
    const next = await resumed.ask('hello');
    expect(next.role).toBe('bot');
    await second.stop();
  });

  it('a turn accepted but never run (crash between 202 and the reply) is completed at start', async () => {
    const dataDir = freshDataDir();
    const first = await startMesa({ dataDir });
    const chat = await ChatSession.create(first.url, { locale: 'es' });
    await chat.ask('hola');
    await first.kill();

    // Exactly what the server leaves behind when it dies right after answering 202: the message, pending.
    const repository = new SqliteConversationRepository(openDatabase(dataDir));
    const accepted = await repository.acceptUserMessage({ conversationId: chat.sessionId, text: 'olvidé mi contraseña', actionId: null, locale: 'es', at: new Date() });
    await repository.close();
    expect(pendingTurns(dataDir)).toBe(1);

    const second = await startMesa({ dataDir });
    const resumed = new ChatSession(second.url, chat.sessionId, chat.token);
    resumed.cursor = accepted.id;
    const [reply] = await resumed.botReplies(1);
    expect(reply!.locale).toBe('es');
    expect(pendingTurns(dataDir)).toBe(0);
    await second.stop();
  });

  it('SIGTERM finishes turns in flight and exits cleanly', async () => {
    const dataDir = freshDataDir();
    const server = await startMesa({ dataDir, env: { MESA_CHAT_RATE_LIMIT: '1000' } });
    const chat = await ChatSession.create(server.url, { locale: 'it' });
    for (let i = 0; i < 10; i += 1) await chat.say('ciao');
    const code = await server.stop();
    expect(code).toBe(0);
    expect(server.logs.some((entry) => entry.msg === 'stopped')).toBe(true);
    const restarted = await startMesa({ dataDir });
    const resumed = new ChatSession(restarted.url, chat.sessionId, chat.token);
    // Whatever was not answered before the stop is answered after it: ten replies in all.
    expect(await resumed.botReplies(10)).toHaveLength(10);
    expect(pendingTurns(dataDir)).toBe(0);
    await restarted.stop();
  });
});
