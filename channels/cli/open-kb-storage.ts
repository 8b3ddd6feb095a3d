import { ConfigError, loadConfig } from '../app/config.js';
import { openDatabase, type SqliteDatabase } from '../../bot/storage/sqlite/open-database.js';
import { SqliteArticleRepository } from '../../kb/storage/sqlite-article-repository.js';

/** Opens the KB on DATA_DIR for a command-line tool; a running Mesa on the same DATA_DIR is fine (WAL). */
export function openKbStorage(): { db: SqliteDatabase; articles: SqliteArticleRepository; dataDir: string } {
  try {
    const config = loadConfig();
    const db = openDatabase(config.dataDir);
    return { db, articles: new SqliteArticleRepository(db), dataDir: config.dataDir };
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
