import type { Logger } from '../logger.js';
import type { ConversationRepository } from '../core/conversation-repository.js';
import { openDatabase, type SqliteDatabase } from './sqlite/open-database.js';
import { SqliteConversationRepository } from './sqlite/sqlite-conversation-repository.js';
import { startWalCheckpointer } from './sqlite/wal-checkpointer.js';

export interface Storage {
  conversations: ConversationRepository;
  engine: 'sqlite';
  /** The embedded database, shared by the other domains' SQLite repositories. */
  db: SqliteDatabase;
  close(): Promise<void>;
}

/** Opens the configured storage engine; the embedded default is SQLite under DATA_DIR. */
export function openStorage(dataDir: string, logger: Logger): Storage {
  const db = openDatabase(dataDir);
  const conversations = new SqliteConversationRepository(db);
  const checkpointer = startWalCheckpointer(db, (message) => logger.warn({ error: message }, 'WAL checkpoint failed'));
  return {
    conversations,
    engine: 'sqlite',
    db,
    close: async () => {
      await checkpointer.stop();
      await conversations.close();
    },
  };
}
