import { initialState } from '../../../bot/core/conversation-state.js';
import { botMigrations } from '../../../bot/storage/sqlite/bot-migrations.js';
import { migrate } from '../../../bot/storage/sqlite/migrate.js';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { SqliteConversationRepository } from '../../../bot/storage/sqlite/sqlite-conversation-repository.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

describe('upgrading an existing Mesa database', () => {
  it('keeps every message, its id and its pending turn when the messages table is rebuilt (schema 2 → 3)', async () => {
    const dataDir = freshDataDir('mesa-migrate-');
    const old = openDatabase(dataDir);
    migrate(old, 'bot', botMigrations.filter((migration) => migration.version <= 2));
    const at = '2026-11-20T09:00:00.000Z';
    old.prepare('INSERT INTO users (id, channel, external_id, created_at) VALUES (?, ?, ?, ?)').run('webchat:ana', 'webchat', 'ana', at);
    old.prepare('INSERT INTO conversations (id, channel, user_id, token_hash, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('c1', 'webchat', 'webchat:ana', null, JSON.stringify(initialState('es', 'hint')), at, at);
    const insert = old.prepare('INSERT INTO messages (conversation_id, role, text, locale, extras, action_id, turn_status, created_at, dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run('c1', 'user', 'hola', 'es', null, null, 'done', at, null);
    insert.run('c1', 'bot', '¡Hola!', 'es', JSON.stringify({ actions: [{ id: 'intent.help', label: 'Menú' }] }), null, null, at, null);
    insert.run('c1', 'agent', 'Soy Ana', 'es', null, null, null, at, 'agent:1#0');
    const pending = Number(insert.run('c1', 'user', 'la vpn no va', 'es', null, null, 'pending', at, null).lastInsertRowid);
    old.close();

    const repository = new SqliteConversationRepository(openDatabase(dataDir));
    try {
      const transcript = await repository.messagesAfter('c1', null, 10);
      expect(transcript.map((message) => [message.id, message.role, message.text])).toEqual([
        ['1', 'user', 'hola'],
        ['2', 'bot', '¡Hola!'],
        ['3', 'agent', 'Soy Ana'],
        [String(pending), 'user', 'la vpn no va'],
      ]);
      expect(transcript[1]?.actions).toEqual([{ id: 'intent.help', label: 'Menú' }]);
      expect((await repository.pendingTurns('c1')).map((turn) => turn.message.text)).toEqual(['la vpn no va']);
      // The dedupe key survived: the same analyst message delivered again is not stored twice.
      expect(await repository.appendMessages({ conversationId: 'c1', replies: [{ role: 'agent', locale: 'es', text: 'Soy Ana' }], dedupeKey: 'agent:1', at: new Date(at) })).toEqual([]);
      const next = await repository.acceptUserMessage({ conversationId: 'c1', text: 'sigue sin ir', actionId: null, locale: 'es', at: new Date(at) });
      expect(Number(next.id)).toBeGreaterThan(pending);
    } finally {
      await repository.close();
    }
  });
});
