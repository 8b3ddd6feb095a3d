import { statSync } from 'node:fs';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { tickWriterFor } from '../../../bot/storage/sqlite/tick-writer.js';
import { startWalCheckpointer } from '../../../bot/storage/sqlite/wal-checkpointer.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

describe('the WAL under writes that never pause', () => {
  it('starts over instead of growing with everything written, and keeps every write', async () => {
    const db = openDatabase(freshDataDir('mesa-wal-'));
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
    const failures: string[] = [];
    // Small limits so that a few seconds of writing is "sustained load" for it.
    const checkpointer = startWalCheckpointer(db, (message) => failures.push(message), { intervalMs: 10, walLimitFrames: 64 });
    await checkpointer.ready;
    const writer = tickWriterFor(db);
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    const body = Buffer.alloc(8192, 7);
    const commits = 8000;
    let largestWal = 0;
    for (let i = 0; i < commits; i += 1) {
      await writer.submit({ write: () => insert.run(body), durable: false });
      if (i % 50 === 0) largestWal = Math.max(largestWal, statSync(`${db.name}-wal`).size);
    }
    await checkpointer.stop();

    expect(failures).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM notes').get()).toEqual({ n: commits });
    // ~66 MB went through the WAL; one that never started over would be at least that big.
    expect(largestWal).toBeLessThan((commits * body.length) / 3);
    db.close();
  });
});
