import type { ConversationRepository } from '../core/conversation-repository.js';
import { openDatabase, type SqliteDatabase } from './sqlite/open-database.js';
import { SqliteConversationRepository } from './sqlite/sqlite-conversation-repository.js';

export interface Storage {
  conversations: ConversationRepository;
  engine: 'sqlite';
  /** The embedded database, shared by the other domains' SQLite repositories. */
  db: SqliteDatabase;
  close(): Promise<void>;
}

/** Opens the configured storage engine; the embedded default is SQLite under DATA_DIR. */
export function openStorage(dataDir: string): Storage {
  const db = openDatabase(dataDir);
  return {
    conversations: new SqliteConversationRepository(db),
    engine: 'sqlite',
    db,
    close: async () => {
      if (db.open) db.close();
    },
  };
}
