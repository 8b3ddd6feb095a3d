import { GroupCommit } from '../../bot/storage/sqlite/group-commit.js';

describe('GroupCommit (writes submitted together share one transaction)', () => {
  it('commits what is submitted in one tick together and answers each in order', async () => {
    const batches: number[][] = [];
    const group = new GroupCommit<number, string>((items) => {
      batches.push(items);
      return items.map((item) => `stored ${item}`);
    });
    const answers = await Promise.all([1, 2, 3].map((item) => group.submit(item)));
    expect(answers).toEqual(['stored 1', 'stored 2', 'stored 3']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('does not fail the other writes of a batch because one of them is bad', async () => {
    const stored: number[] = [];
    const group = new GroupCommit<number, number>((items) => {
      // Atomic like a transaction: a bad item stores nothing of its batch.
      if (items.includes(13)) throw new Error('constraint failed');
      stored.push(...items);
      return items;
    });
    const results = await Promise.allSettled([12, 13, 14].map((item) => group.submit(item)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(stored).toEqual([12, 14]);
  });

  it('tells no one a write is done when making it durable failed', async () => {
    const group = new GroupCommit<number, number>((items) => items, async () => {
      throw new Error('disk full');
    });
    await expect(group.submit(1)).rejects.toThrow('disk full');
  });
});
