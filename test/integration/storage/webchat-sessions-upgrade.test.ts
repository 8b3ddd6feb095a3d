import { initialState } from '../../../bot/core/conversation-state.js';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { SqliteAddressBook } from '../../../bot/storage/sqlite/sqlite-address-book.js';
import { SqliteConversationRepository } from '../../../bot/storage/sqlite/sqlite-conversation-repository.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

describe('upgrading a database whose web chat sessions kept their token hash on the conversation', () => {
  it('keeps those sessions signed in: the hash moves to the session\'s web chat address', async () => {
    const db = openDatabase(freshDataDir());
    const conversations = new SqliteConversationRepository(db);
    const user = await conversations.upsertUser('webchat', { externalId: 'ana' });
    await conversations.createConversation({ id: 'c-old', channel: 'webchat', userId: user.id, state: initialState('es', 'hint'), at: new Date() });
    // What a session started before the upgrade looks like on disk.
    db.prepare("UPDATE conversations SET token_hash = ? WHERE id = 'c-old'").run('f'.repeat(64));

    const addresses = new SqliteAddressBook(db);
    expect(await addresses.ofConversation('c-old')).toEqual({ channel: 'webchat', key: 'c-old', conversationId: 'c-old', reference: { tokenHash: 'f'.repeat(64) } });
    expect(db.prepare("SELECT token_hash FROM conversations WHERE id = 'c-old'").pluck().get()).toBeNull();
    // A web chat conversation is no push channel's: nothing waits to be delivered for it.
    expect(await addresses.undelivered(['teams'])).toEqual([]);
    await conversations.close();
  });
});
