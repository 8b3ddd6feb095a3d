import type { AddressBook, ChannelAddress } from '../../core/address-book.js';
import { migrate, type Migration } from './migrate.js';
import type { SqliteDatabase } from './open-database.js';

const addressMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'platform addresses of conversations and their delivery cursors',
    sql: `
      CREATE TABLE channel_addresses (
        channel TEXT NOT NULL,
        address_key TEXT NOT NULL,
        conversation_id TEXT NOT NULL UNIQUE REFERENCES conversations(id) ON DELETE CASCADE,
        reference TEXT NOT NULL,
        delivered_through INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (channel, address_key)
      );
    `,
  },
  {
    version: 2,
    name: 'web chat sessions keep their token hash with their address, not on the channel-neutral conversation',
    // Sessions started before this keep working: their token hash moves over as the web chat's reference.
    sql: `
      INSERT INTO channel_addresses (channel, address_key, conversation_id, reference, updated_at)
        SELECT channel, id, id, json_object('tokenHash', token_hash), updated_at FROM conversations
        WHERE token_hash IS NOT NULL ON CONFLICT DO NOTHING;
      UPDATE conversations SET token_hash = NULL WHERE token_hash IS NOT NULL;
    `,
  },
];

interface AddressRow {
  channel: string;
  address_key: string;
  conversation_id: string;
  reference: string;
}

const toAddress = (row: AddressRow): ChannelAddress => ({
  channel: row.channel,
  key: row.address_key,
  conversationId: row.conversation_id,
  reference: JSON.parse(row.reference) as unknown,
});

/** Platform addresses and delivery cursors on the embedded database, beside the transcript they point into. */
export class SqliteAddressBook implements AddressBook {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    migrate(db, 'channels', addressMigrations);
    this.statements = {
      find: db.prepare('SELECT * FROM channel_addresses WHERE channel = ? AND address_key = ?'),
      ofConversation: db.prepare('SELECT * FROM channel_addresses WHERE conversation_id = ?'),
      save: db.prepare(`INSERT INTO channel_addresses (channel, address_key, conversation_id, reference, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (channel, address_key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`),
      cursor: db.prepare('SELECT delivered_through FROM channel_addresses WHERE conversation_id = ?').pluck(),
      // Never moves back: two deliveries finishing out of order must not make the older one win.
      markDelivered: db.prepare('UPDATE channel_addresses SET delivered_through = MAX(delivered_through, ?) WHERE conversation_id = ?'),
      undelivered: db
        .prepare(`SELECT a.conversation_id FROM channel_addresses a WHERE a.channel IN (SELECT value FROM json_each(?)) AND EXISTS (
          SELECT 1 FROM messages m WHERE m.conversation_id = a.conversation_id AND m.id > a.delivered_through AND m.role <> 'user')`)
        .pluck(),
    };
  }

  async find(channel: string, key: string): Promise<ChannelAddress | null> {
    const row = this.statements.find.get(channel, key) as AddressRow | undefined;
    return row ? toAddress(row) : null;
  }

  async ofConversation(conversationId: string): Promise<ChannelAddress | null> {
    const row = this.statements.ofConversation.get(conversationId) as AddressRow | undefined;
    return row ? toAddress(row) : null;
  }

  async save(address: ChannelAddress): Promise<void> {
    this.statements.save.run(address.channel, address.key, address.conversationId, JSON.stringify(address.reference ?? null), new Date().toISOString());
  }

  async deliveredThrough(conversationId: string): Promise<string> {
    return String((this.statements.cursor.get(conversationId) as number | undefined) ?? 0);
  }

  async markDelivered(conversationId: string, messageId: string): Promise<void> {
    this.statements.markDelivered.run(Number(messageId), conversationId);
  }

  async undelivered(channels: string[]): Promise<string[]> {
    return this.statements.undelivered.all(JSON.stringify(channels)) as string[];
  }
}
