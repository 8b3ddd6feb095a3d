import type { ConversationRepository } from '../core/conversation-repository.js';
import { openDatabase } from './sqlite/open-database.js';
import { SqliteConversationRepository } from './sqlite/sqlite-conversation-repository.js';

export interface Storage {
  conversations: ConversationRepository;
  engine: 'sqlite';
  close(): Promise<void>;
}

/** Opens the configured storage engine; the embedded default is SQLite under DATA_DIR. */
export function openStorage(dataDir: string): Storage {
  const db = openDatabase(dataDir);
  return {
    conversations: new SqliteConversationRepository(db),
    engine: 'sqlite',
    close: async () => {
      if (db.open) db.close();
    },
  };
}
