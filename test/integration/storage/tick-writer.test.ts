import { openDatabase, type SqliteDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { TickWriter } from '../../../bot/storage/sqlite/tick-writer.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

describe('TickWriter (the writes of one tick share a transaction)', () => {
  let db: SqliteDatabase;
  let writer: TickWriter;
  const stored = () => db.prepare('SELECT v FROM t ORDER BY v').pluck().all();

  beforeEach(() => {
    db = openDatabase(freshDataDir('mesa-tick-writer-'));
    db.exec('CREATE TABLE t (v INTEGER NOT NULL UNIQUE)');
    writer = new TickWriter(db);
  });

  afterEach(async () => {
    await writer.close();
    db.close();
  });

  const insert = (v: number, durable = false, committed?: (id: number) => void) =>
    writer.submit({ write: () => Number(db.prepare('INSERT INTO t (v) VALUES (?)').run(v).lastInsertRowid), durable, ...(committed ? { committed } : {}) });

  it('stores every write, answers each with its own result, and reports commits in the order they were submitted', async () => {
    const order: number[] = [];
    const ids = await Promise.all([1, 2, 3].map((v) => insert(v, v === 2, () => order.push(v))));
    expect(ids).toEqual([1, 2, 3]);
    expect(order).toEqual([1, 2, 3]);
    expect(stored()).toEqual([1, 2, 3]);
  });

  it('fails only the bad write of a tick; the others are stored', async () => {
    await insert(7);
    const results = await Promise.allSettled([insert(6), insert(7), insert(8, true)]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(stored()).toEqual([6, 7, 8]);
  });

  it('holds writes while asked to (the checkpointer catching up), then stores them all in the order they came', async () => {
    await insert(1);
    let release: () => void = () => undefined;
    writer.holdCommitsWhile(() => new Promise<void>((resolve) => (release = resolve)));
    const order: number[] = [];
    const held = [2, 3, 4].map((v) => insert(v, v === 3, () => order.push(v)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stored()).toEqual([1]);
    release();
    expect(await Promise.all(held)).toEqual([2, 3, 4]);
    expect(order).toEqual([2, 3, 4]);
    expect(stored()).toEqual([1, 2, 3, 4]);
  });
});
